#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkOutDir,
  header,
  vendoredChart,
  writeFiles
} from "./chunk-SSTBEFP2.mjs";
import "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkOutDir,
  header,
  vendoredChart,
  writeFiles
};
