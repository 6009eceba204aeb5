#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  addClusters,
  editValuesFile,
  removeCluster,
  replaceClustersText,
  snippet,
  writeFileAtomic
} from "./chunk-5ZFOMKZB.mjs";
import "./chunk-RANSKRVF.mjs";
import "./chunk-G2ASVLUG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  addClusters,
  editValuesFile,
  removeCluster,
  replaceClustersText,
  snippet,
  writeFileAtomic
};
