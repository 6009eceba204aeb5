#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  age,
  describeExecution,
  drain,
  runningOn
} from "./chunk-Q74QJQDU.mjs";
import "./chunk-6WAPRUIR.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  age,
  describeExecution,
  drain,
  runningOn
};
