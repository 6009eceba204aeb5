#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-SOZ37ORN.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-B2U7N4BI.mjs";
import "./chunk-XDDR5IGC.mjs";
import "./chunk-PY4WTTLI.mjs";
import "./chunk-3CTCUTVC.mjs";
import "./chunk-RERYFOBX.mjs";
import "./chunk-UPORBQXI.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-26M55DQK.mjs";
import "./chunk-CXNUSAAY.mjs";
import "./chunk-WUC4CENS.mjs";
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
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
