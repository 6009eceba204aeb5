#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  NO_CONFIG,
  configFromValues,
  parseValuesFile,
  readValuesFileIfPresent,
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  NO_CONFIG,
  configFromValues,
  parseValuesFile,
  readValuesFileIfPresent,
  readValuesFiles
};
