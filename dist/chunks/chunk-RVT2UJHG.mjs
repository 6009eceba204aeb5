#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/cluster/util.ts
import { createHash } from "node:crypto";
function maskSecret(kind, value) {
  if (value === void 0) return `<${kind}: none>`;
  const buf = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  const size = buf.length >= 1024 ? `${(buf.length / 1024).toFixed(1)} KB` : `${buf.length} B`;
  const sum = createHash("sha256").update(buf).digest("hex").slice(0, 8);
  return `<${kind}: ${size}, sha256:${sum}\u2026>`;
}
var sha256 = (s) => createHash("sha256").update(s).digest("hex");
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
  queues.set(key, next.catch(() => void 0));
  return next;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function parseDuration(s) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (!m) return void 0;
  const n = Number(m[1]);
  return m[2] === "ms" ? n : m[2] === "m" ? n * 6e4 : n * 1e3;
}

export {
  maskSecret,
  sha256,
  lineDiff,
  mapLimit,
  TimeoutError,
  withTimeout,
  oneAtATime,
  sleep,
  parseDuration
};
