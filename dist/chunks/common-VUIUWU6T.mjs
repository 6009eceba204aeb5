#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  COMMON_OPTIONS,
  DEFAULT_SECRET,
  ENDPOINT_RE,
  NAME_RE,
  Progress,
  checkEndpoint,
  checkName,
  hubContextOf,
  namespaceOf,
  oneMember,
  parseRoute,
  timeoutOption
} from "./chunk-VY3ZCQMO.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-TNEIABRN.mjs";
import "./chunk-CUC6SWBS.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  COMMON_OPTIONS,
  DEFAULT_SECRET,
  ENDPOINT_RE,
  NAME_RE,
  Progress,
  checkEndpoint,
  checkName,
  hubContextOf,
  namespaceOf,
  oneMember,
  parseRoute,
  timeoutOption
};
