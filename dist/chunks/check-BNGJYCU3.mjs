#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
} from "./chunk-LT5OV6WT.mjs";
import "./chunk-NU436HZ3.mjs";
import "./chunk-5MP3PIPG.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V3ASSW3G.mjs";
import "./chunk-CUC6SWBS.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
};
