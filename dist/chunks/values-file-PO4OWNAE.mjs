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
} from "./chunk-EPOC7EHQ.mjs";
import "./chunk-UKCWTG2U.mjs";
import "./chunk-JE5SJRTZ.mjs";
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
  replaceClustersText,
  setEnabled,
  snippet
};
