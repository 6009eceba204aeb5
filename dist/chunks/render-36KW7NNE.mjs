#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-DILJHCUD.mjs";
import "./chunk-IXULIX2O.mjs";
import "./chunk-WXGZNMM7.mjs";
import "./chunk-FMDVFPZZ.mjs";
import "./chunk-5SD7UKIS.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-XRQ3ABBJ.mjs";
import "./chunk-3PTJV5S2.mjs";
import "./chunk-UB2AFV2C.mjs";
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
  originals,
  renderControlPlane
};
