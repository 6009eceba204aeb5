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
} from "./chunk-K4EQCIQQ.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
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
