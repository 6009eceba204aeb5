#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-JKQK5DBO.mjs";
import "./chunk-JIYZHAFD.mjs";
import "./chunk-XKZ5YJ5T.mjs";
import "./chunk-MSD6SMNW.mjs";
import "./chunk-L2ZRBZHV.mjs";
import "./chunk-YZNNZQSV.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-FMDVFPZZ.mjs";
import "./chunk-5SD7UKIS.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-RHS6IYAQ.mjs";
import "./chunk-JHCCJEJG.mjs";
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
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
};
