#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  TLS_NOT_VERIFIED,
  UnreachableError,
  connect,
  contextNames,
  describeNetworkError,
  isConflict,
  isNotFound,
  k8s,
  loadKubeConfig,
  networkCode,
  refuseUnverifiedHelmContext,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
} from "./chunk-V7OV2FKF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  TLS_NOT_VERIFIED,
  UnreachableError,
  connect,
  contextNames,
  describeNetworkError,
  isConflict,
  isNotFound,
  k8s,
  loadKubeConfig,
  networkCode,
  refuseUnverifiedHelmContext,
  refuseUnverifiedTls,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem
};
