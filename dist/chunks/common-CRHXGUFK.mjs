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
} from "./chunk-IXMM6OG5.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-7CDQGAJD.mjs";
import "./chunk-BNFKKS27.mjs";
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
