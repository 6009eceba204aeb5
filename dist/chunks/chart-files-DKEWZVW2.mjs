#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  chartYaml,
  cloudFile,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-XRQ3ABBJ.mjs";
import "./chunk-7WIHMZLF.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import "./chunk-5JWNXXDS.mjs";
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
