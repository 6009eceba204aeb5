#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-O5Z2DGJA.mjs";
import "./chunk-G3752KVS.mjs";
import "./chunk-POANFRJL.mjs";
import "./chunk-KVNKD25Y.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
};
