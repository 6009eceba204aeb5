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
  isTlsCode,
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
} from "./chunk-3OWEJ2I5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-XUY6EGKT.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-PXOMBRJH.mjs";
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
  isTlsCode,
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
