#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-JZLYS2QS.mjs";
import "./chunk-J736JNRH.mjs";
import "./chunk-53GDRLTQ.mjs";
import "./chunk-ZKK5JOKK.mjs";
import "./chunk-XAKBPTGE.mjs";
import "./chunk-EGX2THOJ.mjs";
import "./chunk-CARZXG42.mjs";
import "./chunk-3POPOE6Q.mjs";
import "./chunk-HQI3NJAX.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-S4HHHLT5.mjs";
import "./chunk-IVWXLEOG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-JJUBBUF3.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
