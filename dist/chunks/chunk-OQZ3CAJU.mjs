#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  dumpYaml
} from "./chunk-C74VGJG2.mjs";
import {
  marked
} from "./chunk-MLYTTTV6.mjs";
import {
  lineDiff
} from "./chunk-RVT2UJHG.mjs";

// plugin/cluster/plan.ts
var Plan = class {
  constructor(dryRun, onChange) {
    this.dryRun = dryRun;
    this.onChange = onChange;
  }
  changes = [];
  record(c) {
    this.changes.push(c);
    this.onChange?.(c);
    return c;
  }
  /** Records the change and, unless this is a dry run or nothing changes, runs the write. */
  async apply(c, write) {
    const writes = c.action !== "unchanged" && c.action !== "absent" && c.action !== "skip" && c.action !== "check";
    const result = writes && !this.dryRun ? await write() : void 0;
    this.record(c);
    return result;
  }
  get changed() {
    return this.changes.some((c) => ["create", "update", "delete", "restart"].includes(c.action));
  }
};
var yamlOf = (v) => v === void 0 ? "" : dumpYaml(v);
var VERB = {
  create: "create",
  update: "update",
  delete: "delete",
  unchanged: "unchanged",
  absent: "absent",
  skip: "skip",
  restart: "restart",
  check: "check"
};
function formatPlan(changes, opts) {
  const out = [];
  const shown = new Map(changes.map((c) => [c.target, marked(c.target)]));
  const width = Math.max(0, ...[...shown.values()].map((t) => t.length));
  const rank = (t) => t.startsWith("hub ") ? 1 : t.includes("/") || t.includes(".") ? 2 : 0;
  const first = /* @__PURE__ */ new Map();
  changes.forEach((c, i) => first.has(c.target) || first.set(c.target, i));
  const ordered = !opts.group ? changes : changes.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.target) - rank(b.c.target) || first.get(a.c.target) - first.get(b.c.target) || a.i - b.i).map((x) => x.c);
  for (const c of ordered) {
    const verb = opts.dryRun && ["create", "update", "delete", "restart"].includes(c.action) ? `would ${VERB[c.action]}` : VERB[c.action];
    out.push(`${shown.get(c.target).padEnd(width)}  ${verb.padEnd(14)} ${c.object}${c.note ? `  (${c.note})` : ""}`);
    if (opts.diff && (c.before !== void 0 || c.after !== void 0) && ["create", "update", "delete"].includes(c.action)) {
      const d = lineDiff(c.before ?? "", c.after ?? "");
      const shown2 = c.action === "update" ? context(d, 2) : d;
      for (const l of shown2) out.push(`    ${l}`);
    }
  }
  return out.join("\n") + (out.length ? "\n" : "");
}
function context(lines, n) {
  const keep = /* @__PURE__ */ new Set();
  lines.forEach((l, i) => {
    if (!l.startsWith("  ")) for (let k = i - n; k <= i + n; k++) keep.add(k);
  });
  const out = [];
  let last = -2;
  lines.forEach((l, i) => {
    if (!keep.has(i)) return;
    if (i !== last + 1 && out.length) out.push("  \u2026");
    out.push(l);
    last = i;
  });
  return out;
}

export {
  Plan,
  yamlOf,
  formatPlan
};
