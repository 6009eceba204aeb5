#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
} from "./chunk-G2ISHTZ3.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
};
