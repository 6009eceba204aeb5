#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatPlan,
  yamlOf
} from "./chunk-IP4S7SHI.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatPlan,
  yamlOf
};
