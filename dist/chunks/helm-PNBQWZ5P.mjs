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
} from "./chunk-G4K3I4T3.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
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
