#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-VBUKQO4Y.mjs";
import "./chunk-WPL7ZNJ5.mjs";
import "./chunk-MSD6SMNW.mjs";
import "./chunk-BV443QMN.mjs";
import "./chunk-PHRVYTL4.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-FMDVFPZZ.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
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
