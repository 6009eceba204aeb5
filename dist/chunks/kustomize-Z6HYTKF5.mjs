#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-TWMYYYEJ.mjs";
import "./chunk-YYRLP4TF.mjs";
import "./chunk-GZ7KZ5OA.mjs";
import "./chunk-MD5M35YU.mjs";
import "./chunk-QSW3M4WJ.mjs";
import "./chunk-XAZDF53T.mjs";
import "./chunk-FMDVFPZZ.mjs";
import "./chunk-5SD7UKIS.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-XRQ3ABBJ.mjs";
import "./chunk-Q3OCJIB4.mjs";
import "./chunk-O6V7UVI7.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-7WIHMZLF.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
