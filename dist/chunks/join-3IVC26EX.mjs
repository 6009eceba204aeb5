#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubNamespaceOnce,
  joinCluster,
  proveToken
} from "./chunk-RRAF2GN4.mjs";
import "./chunk-IQQW3Y55.mjs";
import "./chunk-VHPCF7SW.mjs";
import "./chunk-SDXS2FD4.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-IXMM6OG5.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-7CDQGAJD.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-YUZUFQ34.mjs";
import "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubNamespaceOnce,
  joinCluster,
  proveToken
};
