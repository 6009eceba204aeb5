#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-6U4DWCYV.mjs";
import "./chunk-F546CHST.mjs";
import "./chunk-OTRNMHY5.mjs";
import "./chunk-TV7QHZJQ.mjs";
import "./chunk-HVNRFGGY.mjs";
import "./chunk-G4VAL322.mjs";
import "./chunk-TM6JJ2JL.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-GQ3HJAID.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
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
