#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
} from "./chunk-HVNRFGGY.mjs";
import "./chunk-G4VAL322.mjs";
import "./chunk-TM6JJ2JL.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-HTK3QKKX.mjs";
import "./chunk-WTNXGHKF.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
};
