#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/cluster/tls-note.ts
var TLS_NOT_VERIFIED = "TLS NOT VERIFIED";
var noted = (where, verified) => verified ? where : `${where} [${TLS_NOT_VERIFIED}]`;
var targetContext = (target) => target.startsWith("hub ") ? target.slice(4) : target;

export {
  noted,
  targetContext
};
