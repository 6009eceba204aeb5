#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  SCHEMA,
  dumpYaml,
  isYamlError,
  parseYaml
} from "./chunk-C74VGJG2.mjs";
import {
  js_yaml_default
} from "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  SCHEMA,
  dumpYaml,
  isYamlError,
  parseYaml,
  js_yaml_default as yaml
};
