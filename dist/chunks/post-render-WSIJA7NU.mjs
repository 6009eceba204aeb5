#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  readInput,
  run,
  summary,
  usage,
  writeOutput
} from "./chunk-IM6QBIJB.mjs";
import "./chunk-56F4LPMH.mjs";
import "./chunk-7QW3KPZA.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RANSKRVF.mjs";
import "./chunk-G2ASVLUG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-RKAGZZI3.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  readInput,
  run,
  summary,
  usage,
  writeOutput
};
