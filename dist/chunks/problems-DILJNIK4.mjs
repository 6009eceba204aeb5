#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FlytemcError,
  error,
  errorsIn,
  failOnErrors,
  formatProblem,
  formatProblems,
  redact,
  showValue,
  warning
} from "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  FlytemcError,
  error,
  errorsIn,
  failOnErrors,
  formatProblem,
  formatProblems,
  redact,
  showValue,
  warning
};
