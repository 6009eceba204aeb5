#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-BBFCDM5R.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  header,
  vendoredChart,
  writeFiles
};
