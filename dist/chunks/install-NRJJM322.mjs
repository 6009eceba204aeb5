#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseInstallArgs,
  planInstall,
  roleFiles,
  run,
  summary,
  usage
} from "./chunk-XAKBPTGE.mjs";
import "./chunk-JJUBBUF3.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  parseInstallArgs,
  planInstall,
  roleFiles,
  run,
  summary,
  usage
};
