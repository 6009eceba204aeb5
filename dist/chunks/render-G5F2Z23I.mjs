#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  originals,
  renderControlPlane
} from "./chunk-776U53M7.mjs";
import "./chunk-KIEL6CX4.mjs";
import "./chunk-JCPWMUB4.mjs";
import "./chunk-S7AHXU5G.mjs";
import "./chunk-FBQCKN3U.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-GRP6LXUI.mjs";
import "./chunk-IMH7BQSI.mjs";
import "./chunk-O5NKNZME.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-34PAFPIM.mjs";
import "./chunk-A6GMY4SC.mjs";
import "./chunk-SIUB527W.mjs";
import "./chunk-63GRERJM.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  originals,
  renderControlPlane
};
