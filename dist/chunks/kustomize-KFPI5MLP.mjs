#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-SMQ4GLU7.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-GCNWLWKT.mjs";
import "./chunk-EKELCZH4.mjs";
import "./chunk-WA4I57LM.mjs";
import "./chunk-GJGBDQWZ.mjs";
import "./chunk-VVOAIITA.mjs";
import "./chunk-P5D56IAH.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-J6Y6MNZY.mjs";
import "./chunk-DRUO5I6R.mjs";
import "./chunk-S6QHX5EX.mjs";
import "./chunk-HRJQJYWS.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-V2RZFSZU.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
