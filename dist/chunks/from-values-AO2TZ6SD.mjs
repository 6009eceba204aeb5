#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  configFromValues,
  parseValuesFile,
  readValuesFileIfPresent,
  readValuesFiles
} from "./chunk-EX4WDLVQ.mjs";
import "./chunk-73ICDCBI.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-G3752KVS.mjs";
import "./chunk-POANFRJL.mjs";
import "./chunk-KVNKD25Y.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  configFromValues,
  parseValuesFile,
  readValuesFileIfPresent,
  readValuesFiles
};
