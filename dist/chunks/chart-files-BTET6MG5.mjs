#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-6AX6BSII.mjs";
import "./chunk-PHPNXOSQ.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-3VDBFS5L.mjs";
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
