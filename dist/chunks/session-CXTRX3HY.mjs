#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubContextOf,
  openSession
} from "./chunk-RQTSHXVK.mjs";
import "./chunk-245JSDEV.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-QDGGCZ4T.mjs";
import "./chunk-4DRYKW6H.mjs";
import "./chunk-WCIYX5RD.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-RU4ZWLT6.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubContextOf,
  openSession
};
