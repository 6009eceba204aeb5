#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
} from "./chunk-JKW7UZZZ.mjs";
import "./chunk-23DTANMO.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-VH7VVPEZ.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
};
