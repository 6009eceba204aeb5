#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseInstallArgs,
  planInstall,
  roleFiles,
  run,
  summary,
  usage
} from "./chunk-ISSKIS7J.mjs";
import "./chunk-JJUBBUF3.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  parseInstallArgs,
  planInstall,
  roleFiles,
  run,
  summary,
  usage
};
