#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  addClusters,
  editValuesFile,
  removeCluster,
  replaceClustersText,
  snippet
} from "./chunk-CHSPJ4G4.mjs";
import "./chunk-KTTQ77W3.mjs";
import "./chunk-R6MEMVIO.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-TF3F54VG.mjs";
import "./chunk-5MVCSTO7.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  addClusters,
  editValuesFile,
  removeCluster,
  replaceClustersText,
  snippet
};
