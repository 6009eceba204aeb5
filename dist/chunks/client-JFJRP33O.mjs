#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  AdminError,
  FlyteAdmin,
  TERMINAL_PHASES,
  adminProblem,
  failWith,
  stringLiterals
} from "./chunk-UXMUXMQE.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  AdminError,
  FlyteAdmin,
  TERMINAL_PHASES,
  adminProblem,
  failWith,
  stringLiterals
};
