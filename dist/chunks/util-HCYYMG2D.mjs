#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  TimeoutError,
  lineDiff,
  mapLimit,
  maskSecret,
  oneAtATime,
  parseDuration,
  sha256,
  sleep,
  withTimeout
} from "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  TimeoutError,
  lineDiff,
  mapLimit,
  maskSecret,
  oneAtATime,
  parseDuration,
  sha256,
  sleep,
  withTimeout
};
