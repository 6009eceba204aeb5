#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  run,
  summary,
  usage,
  validateFiles
} from "./chunk-IIC664X6.mjs";
import "./chunk-VOP673EN.mjs";
import "./chunk-LBUYRPWK.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-54TPKUJU.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  run,
  summary,
  usage,
  validateFiles
};
