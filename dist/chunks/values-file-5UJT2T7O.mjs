#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  addClusters,
  clusterListFile,
  editValuesFile,
  enabledClusters,
  removeCluster,
  setEnabled,
  snippet
} from "./chunk-ETL4BA65.mjs";
import "./chunk-IMH7BQSI.mjs";
import "./chunk-O5NKNZME.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-34PAFPIM.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  addClusters,
  clusterListFile,
  editValuesFile,
  enabledClusters,
  removeCluster,
  setEnabled,
  snippet
};
