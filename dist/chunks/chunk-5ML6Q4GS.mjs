#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  configFromValues
} from "./chunk-EX4WDLVQ.mjs";
import {
  checkConfig
} from "./chunk-E4DHOH4E.mjs";
import {
  readText,
  sourceLabel
} from "./chunk-POANFRJL.mjs";
import {
  FlytemcError
} from "./chunk-752BFR42.mjs";

// plugin/config/validate-files.ts
var byLine = (ps) => ps.map((p, i) => ({ p, i, line: Number(/:(\d+)(?: |$)/.exec(p.where)?.[1] ?? Infinity) })).sort((a, b) => a.line - b.line || a.i - b.i).map((x) => x.p);
function validateFiles(files, options = {}) {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    try {
      const found = configFromValues(file, text);
      const r = checkConfig(found, options);
      const bad = r.problems.some((p) => p.severity === "error");
      return { file, status: bad ? "invalid" : "ok", ...r.role ? { role: r.role } : {}, problems: byLine(r.problems) };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && /no multi-cluster config/.test(e.problems[0].what)) return { file, status: "no-config", problems: [] };
      return { file, status: "invalid", problems: byLine(e.problems) };
    }
  });
}

export {
  validateFiles
};
