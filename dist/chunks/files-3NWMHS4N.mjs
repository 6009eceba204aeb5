#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  GENERATED,
  header,
  vendoredChart,
  writeFiles
} from "./chunk-GJ76SV3M.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  GENERATED,
  header,
  vendoredChart,
  writeFiles
};
