#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-TFVBUYZB.mjs";
import "./chunk-YYRLP4TF.mjs";
import "./chunk-BGDN3DPM.mjs";
import "./chunk-EX4WDLVQ.mjs";
import "./chunk-G6RCWUCR.mjs";
import "./chunk-3PMVW44V.mjs";
import "./chunk-E4DHOH4E.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-UCPWFJ37.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-73ICDCBI.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-O5Z2DGJA.mjs";
import "./chunk-G3752KVS.mjs";
import "./chunk-POANFRJL.mjs";
import "./chunk-KVNKD25Y.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
