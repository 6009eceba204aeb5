#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubNamespaceOnce,
  joinCluster,
  proveToken
} from "./chunk-SVGMUJ3I.mjs";
import "./chunk-NU436HZ3.mjs";
import "./chunk-5MP3PIPG.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-VY3ZCQMO.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-TNEIABRN.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V3ASSW3G.mjs";
import "./chunk-CUC6SWBS.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubNamespaceOnce,
  joinCluster,
  proveToken
};
