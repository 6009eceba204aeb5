#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatPlan,
  orStopped,
  stopped,
  yamlOf
} from "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatPlan,
  orStopped,
  stopped,
  yamlOf
};
