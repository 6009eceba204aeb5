#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
} from "./chunk-TM6JJ2JL.mjs";
import "./chunk-2KYTK3TD.mjs";
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
