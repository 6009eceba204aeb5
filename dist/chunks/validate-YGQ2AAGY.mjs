#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  run,
  summary,
  usage,
  validateFiles
} from "./chunk-YOJENQNN.mjs";
import "./chunk-ZLIKUVZ4.mjs";
import "./chunk-LBUYRPWK.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-X3TIRZYC.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-CUC6SWBS.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  run,
  summary,
  usage,
  validateFiles
};
