#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-EKELCZH4.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  header,
  vendoredChart,
  writeFiles
};
