#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubContextOf,
  openSession
} from "./chunk-5PF54GF5.mjs";
import "./chunk-JUVQHENA.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-WLCH4OZS.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubContextOf,
  openSession
};
