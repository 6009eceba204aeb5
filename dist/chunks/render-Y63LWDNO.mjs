#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-VI5QYO4P.mjs";
import "./chunk-CZXFHUPA.mjs";
import "./chunk-ZUO4YEXG.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-OM5FWMAI.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-6AX6BSII.mjs";
import "./chunk-3MULCP5O.mjs";
import "./chunk-OVTT6LDP.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-PHPNXOSQ.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-3VDBFS5L.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  originals,
  renderControlPlane
};
