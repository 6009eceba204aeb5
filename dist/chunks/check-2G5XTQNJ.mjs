#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkClusters,
  checkMember,
  clustersDeployed,
  clustersFromFile,
  formatTable,
  hubStorage,
  memberContext,
  needsFor,
  templatesDeployed
} from "./chunk-D2LPZGV5.mjs";
import "./chunk-WYB3M3OA.mjs";
import "./chunk-RKSPHI3Y.mjs";
import "./chunk-QSV3TKLW.mjs";
import "./chunk-OQZ3CAJU.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-G2ASVLUG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V7OV2FKF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkClusters,
  checkMember,
  clustersDeployed,
  clustersFromFile,
  formatTable,
  hubStorage,
  memberContext,
  needsFor,
  templatesDeployed
};
