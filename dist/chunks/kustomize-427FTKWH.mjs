#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-EHDBGWI2.mjs";
import "./chunk-YYRLP4TF.mjs";
import "./chunk-EY2EHPWE.mjs";
import "./chunk-5C7V3YK4.mjs";
import "./chunk-H4VCTC2S.mjs";
import "./chunk-FIDKMQB4.mjs";
import "./chunk-E4DHOH4E.mjs";
import "./chunk-RE3D74CU.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-73ICDCBI.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-7JCQQCYV.mjs";
import "./chunk-MIZPGW4T.mjs";
import "./chunk-WZVDOOQ4.mjs";
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
