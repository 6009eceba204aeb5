#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  joinCluster,
  proveToken
} from "./chunk-OFZF2LWP.mjs";
import "./chunk-RKSPHI3Y.mjs";
import "./chunk-QSV3TKLW.mjs";
import "./chunk-OQZ3CAJU.mjs";
import "./chunk-Z2ITIDQJ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V7OV2FKF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  joinCluster,
  proveToken
};
