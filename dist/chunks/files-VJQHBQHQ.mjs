#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-MD5M35YU.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  header,
  vendoredChart,
  writeFiles
};
