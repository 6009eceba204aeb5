#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  age,
  describeExecution,
  drain,
  runningOn
} from "./chunk-ZCNPKERW.mjs";
import "./chunk-UXMUXMQE.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  age,
  describeExecution,
  drain,
  runningOn
};
