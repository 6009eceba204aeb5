#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-G6RCWUCR.mjs";
import "./chunk-POANFRJL.mjs";
import "./chunk-KVNKD25Y.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  header,
  vendoredChart,
  writeFiles
};
