#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  addClusters,
  clusterListFile,
  editValuesFile,
  enabledClusters,
  removeCluster,
  replaceClustersText,
  setEnabled,
  snippet
} from "./chunk-2C6LTG4F.mjs";
import "./chunk-E6IK5J2H.mjs";
import "./chunk-DPCFXCWH.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  addClusters,
  clusterListFile,
  editValuesFile,
  enabledClusters,
  removeCluster,
  replaceClustersText,
  setEnabled,
  snippet
};
