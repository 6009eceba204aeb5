#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UnreachableError,
  checkHelmContext,
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
  refuseMissingContexts,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
} from "./chunk-YZNNZQSV.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  UnreachableError,
  checkHelmContext,
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
  refuseMissingContexts,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
};
