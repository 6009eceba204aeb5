#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
} from "./chunk-OGRO33SI.mjs";
import "./chunk-IQQW3Y55.mjs";
import "./chunk-VHPCF7SW.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-YUZUFQ34.mjs";
import "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkClusters,
  clustersDeployed,
  clustersFromFile,
  formatTable
};
