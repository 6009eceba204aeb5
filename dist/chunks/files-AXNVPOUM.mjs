#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  GENERATED,
  header,
  vendoredChart,
  writeFiles
} from "./chunk-EGX2THOJ.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  GENERATED,
  header,
  vendoredChart,
  writeFiles
};
