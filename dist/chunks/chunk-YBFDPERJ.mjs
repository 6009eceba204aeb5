#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  noted,
  targetContext
} from "./chunk-AVEROJ5R.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  FlytemcError,
  formatProblems
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/util.ts
import { createHash } from "node:crypto";
function maskSecret(kind, value) {
  if (value === void 0) return `<${kind}: none>`;
  const buf = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  const size = buf.length >= 1024 ? `${(buf.length / 1024).toFixed(1)} KB` : `${buf.length} B`;
  const sum = createHash("sha256").update(buf).digest("hex").slice(0, 8);
  return `<${kind}: ${size}, sha256:${sum}\u2026>`;
}
function lineDiff(before, after) {
  const a = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const b = after === "" ? [] : after.replace(/\n$/, "").split("\n");
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      lcs[i2][j2] = a[i2] === b[j2] ? lcs[i2 + 1][j2 + 1] + 1 : Math.max(lcs[i2 + 1][j2], lcs[i2][j2 + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out;
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: "fulfilled", value: await fn(items[i], i) };
      } catch (e) {
        results[i] = { status: "rejected", reason: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
var TimeoutError = class extends Error {
};
function withTimeout(p, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms / 1e3} s`)), ms);
    timer.unref();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
var queues = /* @__PURE__ */ new Map();
function oneAtATime(key, fn) {
  const next = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  queues.set(
    key,
    next.catch(() => void 0)
  );
  return next;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// plugin/cluster/plan.ts
var Plan = class {
  constructor(dryRun, onChange, unverified = /* @__PURE__ */ new Set()) {
    this.dryRun = dryRun;
    this.onChange = onChange;
    this.unverified = unverified;
  }
  changes = [];
  record(change) {
    const c = this.unverified.has(targetContext(change.target)) ? { ...change, unverified: true } : change;
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
  const shown = new Map(changes.map((c) => [c.target, noted(c.target, !c.unverified)]));
  const width = Math.max(0, ...[...shown.values()].map((t) => t.length));
  const rank = (t) => t.startsWith("hub ") ? 1 : t.includes("/") || t.includes(".") ? 2 : 0;
  const first = /* @__PURE__ */ new Map();
  for (const [i, c] of changes.entries()) if (!first.has(c.target)) first.set(c.target, i);
  const ordered = !opts.group ? changes : changes.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.target) - rank(b.c.target) || first.get(a.c.target) - first.get(b.c.target) || a.i - b.i).map((x) => x.c);
  for (const c of ordered) {
    const verb = opts.dryRun && ["create", "update", "delete", "restart"].includes(c.action) ? `would ${VERB[c.action]}` : VERB[c.action];
    out.push(`${shown.get(c.target).padEnd(width)}  ${verb.padEnd(14)} ${c.object}${c.note ? `  (${c.note})` : ""}`);
    if (opts.diff && (c.before !== void 0 || c.after !== void 0) && ["create", "update", "delete"].includes(c.action)) {
      const d = lineDiff(c.before ?? "", c.after ?? "");
      const lines = c.action === "update" ? context(d, 2) : d;
      for (const l of lines) out.push(`    ${l}`);
    }
  }
  return out.join("\n") + (out.length ? "\n" : "");
}
function stopped(e, done, next) {
  if (!(e instanceof FlytemcError)) throw e;
  return new FlytemcError(
    e.problems.map((p) => p.severity === "error" ? { ...p, fix: `${p.fix ? `${p.fix}. ` : ""}${done}; ${next}` } : p),
    e.exitCode
  );
}
function formatFailure(changes, problems, dryRun) {
  const done = dryRun ? [] : changes.filter((c) => ["create", "update", "delete", "restart"].includes(c.action));
  return `${formatProblems(problems, false)}
${done.length ? `changed before it stopped: ${done.map((c) => `${c.action} ${c.object} (${noted(c.target, !c.unverified)})`).join("; ")}` : "nothing was changed."}`;
}
async function orStopped(plan, step, write) {
  try {
    return { out: await step() };
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    await write(formatPlan(plan.changes, { diff: false, dryRun: plan.dryRun }));
    process.stderr.write(`${formatFailure(plan.changes, e.problems, plan.dryRun)}
`);
    return { exitCode: e.exitCode };
  }
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
  maskSecret,
  mapLimit,
  TimeoutError,
  withTimeout,
  oneAtATime,
  sleep,
  Plan,
  yamlOf,
  formatPlan,
  stopped,
  orStopped
};
