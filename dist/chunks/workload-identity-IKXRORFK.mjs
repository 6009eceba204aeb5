#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  cloudSide,
  proxyJoin
} from "./chunk-SLPPMYKN.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  cloudSide,
  proxyJoin
};
