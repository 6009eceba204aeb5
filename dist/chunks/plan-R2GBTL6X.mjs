#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatPlan,
  yamlOf
} from "./chunk-OQZ3CAJU.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatPlan,
  yamlOf
};
