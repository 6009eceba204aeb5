#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-SAU5RIUT.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  VERSION
};
