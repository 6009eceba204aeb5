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
} from "./chunk-LWMZNMAS.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
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
