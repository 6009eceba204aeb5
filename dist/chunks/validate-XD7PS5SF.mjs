#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  run,
  summary,
  usage,
  validateFiles
} from "./chunk-BPTNVHHZ.mjs";
import "./chunk-WYB3M3OA.mjs";
import "./chunk-LB5ASOZT.mjs";
import "./chunk-7QW3KPZA.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RANSKRVF.mjs";
import "./chunk-G2ASVLUG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-2VL6MAME.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  run,
  summary,
  usage,
  validateFiles
};
