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
} from "./chunk-KEIB36ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
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
