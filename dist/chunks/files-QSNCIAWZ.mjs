#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-XDDR5IGC.mjs";
import "./chunk-D7UN66C5.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  header,
  vendoredChart,
  writeFiles
};
