#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
} from "./chunk-M4WCLFGN.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
};
