#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-U6DSBSCI.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-BLTSSYRA.mjs";
import "./chunk-BBFCDM5R.mjs";
import "./chunk-Z36BM3ZM.mjs";
import "./chunk-FRHPXH7G.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-GQ3HJAID.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-GRP6LXUI.mjs";
import "./chunk-BQSFN2EH.mjs";
import "./chunk-OVTT6LDP.mjs";
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
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
