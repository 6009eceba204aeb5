#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
} from "./chunk-FOPE3G4V.mjs";
import "./chunk-QRMUNPSA.mjs";
import "./chunk-I6QFSPIF.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-QWUGYWBM.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
};
