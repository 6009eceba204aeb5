#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-KF3FZBJU.mjs";
import "./chunk-IL7HYKGE.mjs";
import "./chunk-OVMW54CF.mjs";
import "./chunk-5L32OPI7.mjs";
import "./chunk-UCPWFJ37.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-73ICDCBI.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-TT3BRDDE.mjs";
import "./chunk-X6EQ3DLS.mjs";
import "./chunk-WZVDOOQ4.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-RU4ZWLT6.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  originals,
  renderControlPlane
};
