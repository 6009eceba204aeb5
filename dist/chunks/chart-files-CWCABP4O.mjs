#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-GRP6LXUI.mjs";
import "./chunk-34PAFPIM.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
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
