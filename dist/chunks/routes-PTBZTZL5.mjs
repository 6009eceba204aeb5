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
} from "./chunk-XSHMAYF4.mjs";
import "./chunk-4VJRSWY5.mjs";
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
