#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UnreachableError,
  connect,
  contextNames,
  describeNetworkError,
  isConflict,
  isNotFound,
  k8s,
  loadKubeConfig,
  networkCode,
  serverMessage,
  statusCode,
  toProblem
} from "./chunk-YUZUFQ34.mjs";
import "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  UnreachableError,
  connect,
  contextNames,
  describeNetworkError,
  isConflict,
  isNotFound,
  k8s,
  loadKubeConfig,
  networkCode,
  serverMessage,
  statusCode,
  toProblem
};
