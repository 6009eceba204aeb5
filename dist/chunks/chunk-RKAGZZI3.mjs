#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/generated/version.js
var VERSION = "0.1.0";

export {
  VERSION
};
