#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  joinCluster,
  proveToken
} from "./chunk-Y7OF7ZTD.mjs";
import "./chunk-2TULUFGK.mjs";
import "./chunk-DL4NSQ2F.mjs";
import "./chunk-OSJRNR7O.mjs";
import "./chunk-K4EQCIQQ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-LWMZNMAS.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  joinCluster,
  proveToken
};
