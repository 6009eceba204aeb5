#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  UsageError
} from "./chunk-PXOMBRJH.mjs";
import {
  js_yaml_default
} from "./chunk-IVYUDTSF.mjs";

// plugin/cli/output.ts
import { homedir } from "node:os";
var OUTPUT_OPTION = { output: { type: "string", short: "o" } };
var VALUES_OPTION = { values: { type: "string", short: "f", multiple: true } };
function parseFormat(value, allowed = ["table", "yaml", "json"]) {
  const v = value ?? allowed[0];
  if (!allowed.includes(v)) throw new UsageError(`-o ${JSON.stringify(value)}: use one of ${allowed.join(", ")}`);
  return v;
}
function render(format, data, table2) {
  if (format === "json") return JSON.stringify(data, null, 2) + "\n";
  if (format === "yaml") return js_yaml_default.dump(data, { noRefs: true, lineWidth: 120, sortKeys: false });
  return table2();
}
function table(header, rows, indent = "") {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => indent + cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}
var percent = (share) => `${(share * 100).toFixed(share > 0 && share < 1e-3 ? 3 : 1)}%`;
function tildify(text, home = process.env.HOME || homedir()) {
  return home && home !== "/" ? text.split(`${trimSlashes(home)}/`).join("~/") : text;
}

export {
  OUTPUT_OPTION,
  VALUES_OPTION,
  parseFormat,
  render,
  table,
  percent,
  tildify
};
