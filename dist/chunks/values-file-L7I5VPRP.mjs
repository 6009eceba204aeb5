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
} from "./chunk-VJZIKUWD.mjs";
import "./chunk-W4FDNAKN.mjs";
import "./chunk-WVZIUJ76.mjs";
import "./chunk-GHRR6URY.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-D7UN66C5.mjs";
import "./chunk-CNWFL7ZM.mjs";
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
