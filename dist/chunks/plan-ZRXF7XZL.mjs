#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
} from "./chunk-HMTLFFIO.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatFailure,
  formatPlan,
  stopped,
  yamlOf
};
