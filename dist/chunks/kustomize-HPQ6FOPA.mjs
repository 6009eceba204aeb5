#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-HHQYMHVK.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-NUCIFEFM.mjs";
import "./chunk-XDDR5IGC.mjs";
import "./chunk-A7MH4WEA.mjs";
import "./chunk-ZCSAHAU3.mjs";
import "./chunk-Y6SJW5Z7.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-26M55DQK.mjs";
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
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
