#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersDeployed,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-GWX5VO2O.mjs";
import "./chunk-7JIULHZ2.mjs";
import "./chunk-CCG4HPC7.mjs";
import "./chunk-5PF54GF5.mjs";
import "./chunk-JUVQHENA.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-UCPWFJ37.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-G3752KVS.mjs";
import "./chunk-POANFRJL.mjs";
import "./chunk-KVNKD25Y.mjs";
import "./chunk-WLCH4OZS.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
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
