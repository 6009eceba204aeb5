#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkOutDir,
  header,
  vendoredChart,
  writeFiles
} from "./chunk-2VWEG2SK.mjs";
import "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkOutDir,
  header,
  vendoredChart,
  writeFiles
};
