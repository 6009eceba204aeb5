#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-SWOW2RKD.mjs";
import "./chunk-YYRLP4TF.mjs";
import "./chunk-LZ7DLKWQ.mjs";
import "./chunk-ZKQTWRFY.mjs";
import "./chunk-FQVNZS7U.mjs";
import "./chunk-B6UXH32P.mjs";
import "./chunk-3IZYYW4Y.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-OOBZHSRA.mjs";
import "./chunk-KTTQ77W3.mjs";
import "./chunk-R6MEMVIO.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-TF3F54VG.mjs";
import "./chunk-5MVCSTO7.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
