#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
} from "./chunk-TOHF3TEJ.mjs";
import "./chunk-C5JTFZY7.mjs";
import "./chunk-HKOAPUKJ.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-YF3SXBQR.mjs";
import "./chunk-7TSEAA4X.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
};
