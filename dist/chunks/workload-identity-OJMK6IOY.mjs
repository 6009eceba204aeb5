#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  cloudSide,
  proxyJoin
} from "./chunk-SQMVKWMI.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  cloudSide,
  proxyJoin
};
