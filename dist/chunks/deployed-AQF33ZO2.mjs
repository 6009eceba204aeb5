#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
} from "./chunk-5L5KJELA.mjs";
import "./chunk-NQDRZDWV.mjs";
import "./chunk-3RQGZTIT.mjs";
import "./chunk-XR6XC3BE.mjs";
import "./chunk-G2ISHTZ3.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-HTK3QKKX.mjs";
import "./chunk-WTNXGHKF.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-34PAFPIM.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
};
