#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  run,
  summary,
  usage,
  validateFiles
} from "./chunk-RYYWUXVP.mjs";
import "./chunk-AMJJDHSG.mjs";
import "./chunk-ZKK5JOKK.mjs";
import "./chunk-3POPOE6Q.mjs";
import "./chunk-HQI3NJAX.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-S4HHHLT5.mjs";
import "./chunk-IVWXLEOG.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-AQTWD4IP.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  run,
  summary,
  usage,
  validateFiles
};
