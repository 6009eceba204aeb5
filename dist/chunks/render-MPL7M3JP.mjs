#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-6EBR3ES2.mjs";
import "./chunk-S5ECCPVH.mjs";
import "./chunk-LDGNJOZS.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-J6Y6MNZY.mjs";
import "./chunk-ATTPCIUO.mjs";
import "./chunk-I7EPACT3.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-V2RZFSZU.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  originals,
  renderControlPlane
};
