#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan,
  formatPlan,
  orStopped,
  shown,
  stopped,
  yamlOf
} from "./chunk-STWFWO7N.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  Plan,
  formatPlan,
  orStopped,
  shown,
  stopped,
  yamlOf
};
