#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-WTVIPO4J.mjs";
import "./chunk-Q457XCVP.mjs";
import "./chunk-KCGY7D5P.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-OM5FWMAI.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-6AX6BSII.mjs";
import "./chunk-A2CWYYUR.mjs";
import "./chunk-JE5SJRTZ.mjs";
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
