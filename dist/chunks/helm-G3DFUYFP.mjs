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
} from "./chunk-OVIFR6TO.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-PXOMBRJH.mjs";
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
