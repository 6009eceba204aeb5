#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-IHZIF7CG.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-7NDSB7RI.mjs";
import "./chunk-XDDR5IGC.mjs";
import "./chunk-CWVXOXRS.mjs";
import "./chunk-PUTHPDJL.mjs";
import "./chunk-RERYFOBX.mjs";
import "./chunk-LMQSA3KV.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-26M55DQK.mjs";
import "./chunk-4DY627GE.mjs";
import "./chunk-OUCVTYCM.mjs";
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
