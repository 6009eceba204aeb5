#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-S5I335SE.mjs";
import "./chunk-INQVO4XP.mjs";
import "./chunk-I722T3E6.mjs";
import "./chunk-JKW7UZZZ.mjs";
import "./chunk-23DTANMO.mjs";
import "./chunk-RE3D74CU.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-MIZPGW4T.mjs";
import "./chunk-WZVDOOQ4.mjs";
import "./chunk-VH7VVPEZ.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
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
