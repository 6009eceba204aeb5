#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  configFromValues,
  parseValuesFile
} from "./chunk-LBUYRPWK.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  configFromValues,
  parseValuesFile
};
