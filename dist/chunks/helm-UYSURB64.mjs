#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  detectHelm,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  runHelmPassthrough,
  shellQuote
} from "./chunk-3T6WTJRQ.mjs";
import "./chunk-62GU7USA.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  detectHelm,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  runHelmPassthrough,
  shellQuote
};
