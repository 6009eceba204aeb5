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
} from "./chunk-YF3SXBQR.mjs";
import "./chunk-7TSEAA4X.mjs";
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
