#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersDeployed,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-CG5QHSKI.mjs";
import "./chunk-LUQ3FZXV.mjs";
import "./chunk-MSD6SMNW.mjs";
import "./chunk-PD6VQJK6.mjs";
import "./chunk-OTN3OYF5.mjs";
import "./chunk-IP4S7SHI.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-3IZYYW4Y.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-3T6WTJRQ.mjs";
import "./chunk-62GU7USA.mjs";
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
  clustersDeployed,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
};
