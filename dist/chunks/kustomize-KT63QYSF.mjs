#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-U4575U4E.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-GNW5HY5A.mjs";
import "./chunk-EKELCZH4.mjs";
import "./chunk-CDXITB3L.mjs";
import "./chunk-UFKBZHCS.mjs";
import "./chunk-7IME33UK.mjs";
import "./chunk-MJGOYJT6.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-MTSRBDPT.mjs";
import "./chunk-E6IK5J2H.mjs";
import "./chunk-DPCFXCWH.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
