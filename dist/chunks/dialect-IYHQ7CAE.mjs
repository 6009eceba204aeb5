#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  dumpYaml,
  isYamlError,
  jsYamlDump,
  parseYaml
} from "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  dumpYaml,
  isYamlError,
  jsYamlDump,
  parseYaml
};
