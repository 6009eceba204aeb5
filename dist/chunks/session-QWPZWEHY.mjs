#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
} from "./chunk-L2ZRBZHV.mjs";
import "./chunk-YZNNZQSV.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-RHS6IYAQ.mjs";
import "./chunk-JHCCJEJG.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Progress,
  REAL_REACH,
  hubContextOf,
  openSession
};
