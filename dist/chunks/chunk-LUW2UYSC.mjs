#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  unknownCoreKeys
} from "./chunk-LIZBE3CS.mjs";
import {
  checkConfig
} from "./chunk-QVRY2IYU.mjs";
import {
  NO_CONFIG,
  configFromValues,
  parseValuesFile
} from "./chunk-3K7XD2Q2.mjs";
import {
  where
} from "./chunk-SJEN32SM.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  sourceLabel
} from "./chunk-WAQBF6VJ.mjs";
import {
  FlytemcError
} from "./chunk-PGTI4LGT.mjs";

// plugin/config/validate-files.ts
var byLine = (ps) => ps.map((p, i) => ({ p, i, line: p.line ?? Infinity })).sort((a, b) => a.line - b.line || a.i - b.i).map((x) => x.p);
function validateFiles(files, options = {}) {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    let keys = [];
    try {
      const values = parseValuesFile(file, text);
      keys = isObject(values) ? unknownCoreKeys(values["flyte-core"], (p) => where({ label: file, text, base: "/flyte-core" }, p), "error") : [];
      const found = configFromValues(file, text, values);
      const listsClusters = !(found.form === "multicluster" && isObject(found.raw) && !("clusters" in found.raw));
      const r = checkConfig(found, listsClusters ? options : { ...options, requireClusters: false });
      const problems = byLine([...r.problems, ...keys]);
      const bad = problems.some((p) => p.severity === "error");
      return { file, status: bad ? "invalid" : "ok", ...r.role ? { role: r.role } : {}, listsClusters, problems };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && e.problems[0].code === NO_CONFIG)
        return { file, status: keys.length ? "invalid" : "no-config", listsClusters: false, problems: byLine(keys) };
      return { file, status: "invalid", listsClusters: false, problems: byLine([...e.problems, ...keys]) };
    }
  });
}

export {
  validateFiles
};
