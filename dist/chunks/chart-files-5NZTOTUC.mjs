#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-J6Y6MNZY.mjs";
import "./chunk-V2RZFSZU.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
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
