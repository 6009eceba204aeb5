#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  connectHub,
  cordonPending,
  deployedClusters,
  deployedLists,
  readDeployedClusters
} from "./chunk-CTTJNBYI.mjs";
import "./chunk-OTRNMHY5.mjs";
import "./chunk-HVNRFGGY.mjs";
import "./chunk-G4VAL322.mjs";
import "./chunk-TM6JJ2JL.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
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
