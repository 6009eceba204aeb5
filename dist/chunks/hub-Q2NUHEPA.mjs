#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  RECORDS_ANNOTATION,
  RESTART_ANNOTATION,
  RESTART_DEPLOYMENTS,
  editCredentials,
  ensureHubNamespace,
  hubStore,
  masked,
  parseRecords,
  readCredentials,
  refuseDuplicate,
  removeCredentials,
  restartDeployments,
  sortRecords,
  upsertCredentials
} from "./chunk-QSV3TKLW.mjs";
import "./chunk-OQZ3CAJU.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V7OV2FKF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  RECORDS_ANNOTATION,
  RESTART_ANNOTATION,
  RESTART_DEPLOYMENTS,
  editCredentials,
  ensureHubNamespace,
  hubStore,
  masked,
  parseRecords,
  readCredentials,
  refuseDuplicate,
  removeCredentials,
  restartDeployments,
  sortRecords,
  upsertCredentials
};
