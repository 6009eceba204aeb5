#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
} from "./chunk-7WDKBT5S.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-BJF2IVWH.mjs";
import "./chunk-QZFYKPST.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-KEIB36ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
};
