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
} from "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-752BFR42.mjs";
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
