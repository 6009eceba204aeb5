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
} from "./chunk-A2A5ZGMQ.mjs";
import "./chunk-3K7XD2Q2.mjs";
import "./chunk-SJEN32SM.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
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
