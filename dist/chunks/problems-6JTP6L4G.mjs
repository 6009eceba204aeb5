#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FlytemcError,
  error,
  errorsIn,
  failOnErrors,
  formatProblem,
  formatProblems,
  isSecretPath,
  looksSecret,
  markWhere,
  marked,
  redact,
  showValue,
  warning
} from "./chunk-MLYTTTV6.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  FlytemcError,
  error,
  errorsIn,
  failOnErrors,
  formatProblem,
  formatProblems,
  isSecretPath,
  looksSecret,
  markWhere,
  marked,
  redact,
  showValue,
  warning
};
