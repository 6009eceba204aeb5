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
} from "./chunk-2V4BXHSM.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-FRPPAFOA.mjs";
import "./chunk-7TSEAA4X.mjs";
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
