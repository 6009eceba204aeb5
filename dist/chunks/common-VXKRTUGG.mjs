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
  kubeOptions,
  namespaceOf,
  oneMember,
  parseRoute,
  timeoutOption
} from "./chunk-Z2ITIDQJ.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
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
  kubeOptions,
  namespaceOf,
  oneMember,
  parseRoute,
  timeoutOption
};
