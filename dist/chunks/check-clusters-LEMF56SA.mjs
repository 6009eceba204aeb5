#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-NU6WWO72.mjs";
import "./chunk-K4Q3LBWE.mjs";
import "./chunk-WUO6FXDL.mjs";
import "./chunk-7T4STRZL.mjs";
import "./chunk-EXJGNPEZ.mjs";
import "./chunk-L67H2EI3.mjs";
import "./chunk-36QLOWFQ.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-OM5FWMAI.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-HTK3QKKX.mjs";
import "./chunk-WTNXGHKF.mjs";
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
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
};
