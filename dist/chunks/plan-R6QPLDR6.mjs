#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
} from "./chunk-36QLOWFQ.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-3VDBFS5L.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
};
