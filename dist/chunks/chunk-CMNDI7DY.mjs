#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/config/types.ts
var DEFAULT_CREDENTIALS = { secretName: "cluster-credentials", mountPath: "/var/run/credentials" };
var tokenKey = (name) => `${name}_token`;
var caKey = (name) => `${name}_cacert`;

export {
  DEFAULT_CREDENTIALS,
  tokenKey,
  caKey
};
