#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersFromValues,
  computeRoutes,
  effectiveList,
  executionNames,
  labelPinning,
  pick,
  pinLabel
} from "./chunk-U5N5HMI4.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  clustersFromValues,
  computeRoutes,
  effectiveList,
  executionNames,
  labelPinning,
  pick,
  pinLabel
};
