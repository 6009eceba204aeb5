#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubContextOf,
  openSession
} from "./chunk-PD6VQJK6.mjs";
import "./chunk-OTN3OYF5.mjs";
import "./chunk-IP4S7SHI.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-3T6WTJRQ.mjs";
import "./chunk-62GU7USA.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  hubContextOf,
  openSession
};
