#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  detectHelm,
  helmBin,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  pluginVersion,
  runHelmPassthrough,
  shellQuote
} from "./chunk-4C53D3Z7.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  detectHelm,
  helmBin,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  pluginVersion,
  runHelmPassthrough,
  shellQuote
};
