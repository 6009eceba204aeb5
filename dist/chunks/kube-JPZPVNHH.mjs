#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UnreachableError,
  checkHelmContext,
  connect,
  createOrExisting,
  deleteOrAbsent,
  ensureNamespace,
  readOrAbsent,
  serverMessage,
  statusCode,
  toProblem
} from "./chunk-QWUGYWBM.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  UnreachableError,
  checkHelmContext,
  connect,
  createOrExisting,
  deleteOrAbsent,
  ensureNamespace,
  readOrAbsent,
  serverMessage,
  statusCode,
  toProblem
};
