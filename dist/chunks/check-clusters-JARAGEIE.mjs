#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersDeployed,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-VU2FX5KT.mjs";
import "./chunk-M7V6DGVP.mjs";
import "./chunk-BYZWYUBG.mjs";
import "./chunk-RQTSHXVK.mjs";
import "./chunk-245JSDEV.mjs";
import "./chunk-UCPWFJ37.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-X6EQ3DLS.mjs";
import "./chunk-WZVDOOQ4.mjs";
import "./chunk-WCIYX5RD.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-RU4ZWLT6.mjs";
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
