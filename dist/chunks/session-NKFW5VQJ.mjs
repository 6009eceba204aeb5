#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Progress,
  REAL_REACH,
  hubContextOf,
  notedIn,
  openSession
} from "./chunk-I6QFSPIF.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-QWUGYWBM.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Progress,
  REAL_REACH,
  hubContextOf,
  notedIn,
  openSession
};
