#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
} from "./chunk-LNX2I3QJ.mjs";
import "./chunk-KNAG57LB.mjs";
import "./chunk-7WDKBT5S.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-BJF2IVWH.mjs";
import "./chunk-QZFYKPST.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-KEIB36ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
};
