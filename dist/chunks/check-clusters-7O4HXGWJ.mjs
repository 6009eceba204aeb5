#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-BC7FXOML.mjs";
import "./chunk-ZMCYFFSB.mjs";
import "./chunk-NQDRZDWV.mjs";
import "./chunk-TV7QHZJQ.mjs";
import "./chunk-3RQGZTIT.mjs";
import "./chunk-XR6XC3BE.mjs";
import "./chunk-G2ISHTZ3.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-FBQCKN3U.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-HTK3QKKX.mjs";
import "./chunk-WTNXGHKF.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-34PAFPIM.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
};
