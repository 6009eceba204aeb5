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
} from "./chunk-RHS6IYAQ.mjs";
import "./chunk-JHCCJEJG.mjs";
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
