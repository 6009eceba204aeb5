#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UnreachableError,
  connect,
  createOrExisting,
  deleteOrAbsent,
  describeNetworkError,
  ensureNamespace,
  isConflict,
  k8s,
  loadKubeConfig,
  networkCode,
  readOrAbsent,
  refuseUnverifiedHelmContext,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
} from "./chunk-23DTANMO.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-VH7VVPEZ.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  UnreachableError,
  connect,
  createOrExisting,
  deleteOrAbsent,
  describeNetworkError,
  ensureNamespace,
  isConflict,
  k8s,
  loadKubeConfig,
  networkCode,
  readOrAbsent,
  refuseUnverifiedHelmContext,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
};
