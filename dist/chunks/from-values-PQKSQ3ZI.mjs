#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  configFromValues,
  parseValuesFile
} from "./chunk-S4HHHLT5.mjs";
import "./chunk-IVWXLEOG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  configFromValues,
  parseValuesFile
};
