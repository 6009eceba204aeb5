#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubNamespaceOnce,
  joinCluster,
  proveToken
} from "./chunk-7TMDR6SY.mjs";
import "./chunk-C5JTFZY7.mjs";
import "./chunk-HKOAPUKJ.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-2V4BXHSM.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-FRPPAFOA.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-YF3SXBQR.mjs";
import "./chunk-7TSEAA4X.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubNamespaceOnce,
  joinCluster,
  proveToken
};
