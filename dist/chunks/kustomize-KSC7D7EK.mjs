#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
} from "./chunk-TPZ4YVYD.mjs";
import "./chunk-ZKSQOWYT.mjs";
import "./chunk-2A73C3IX.mjs";
import "./chunk-LB5ASOZT.mjs";
import "./chunk-ISSKIS7J.mjs";
import "./chunk-GJ76SV3M.mjs";
import "./chunk-56F4LPMH.mjs";
import "./chunk-7QW3KPZA.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RANSKRVF.mjs";
import "./chunk-G2ASVLUG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-JJUBBUF3.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
