#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  segments
} from "./chunk-C2L5FP4Q.mjs";

// plugin/yaml/locate.ts
function significant(raw, docStart = 0) {
  const out = [];
  for (let i = docStart; i < raw.length; i++) {
    const t = raw[i] ?? "";
    const trimmed = t.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(t)) {
      if (out.length) break;
      else continue;
    }
    out.push({ n: i + 1, indent: t.length - trimmed.length, text: trimmed });
  }
  return out;
}
function blockAfter(lines, i, indent) {
  const out = [];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.indent < indent || l.indent === indent && !l.text.startsWith("- ") && l.text !== "-") break;
    out.push(l);
  }
  return out;
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function findKey(lines, key) {
  if (lines.length === 0) return void 0;
  const indent = Math.min(...lines.map((l) => l.indent));
  const re = new RegExp(`^(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*:(\\s|$)`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.indent === indent && re.test(l.text)) return { at: l.n, rest: blockAfter(lines, i, l.indent) };
  }
  return void 0;
}
function findItem(lines, index) {
  if (lines.length === 0) return void 0;
  const indent = Math.min(...lines.map((l) => l.indent));
  let k = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.indent !== indent || !(l.text.startsWith("- ") || l.text === "-")) continue;
    if (++k !== index) continue;
    const first = l.text === "-" ? [] : [{ n: l.n, indent: l.indent + 2, text: l.text.slice(2).trimStart() }];
    const rest = [];
    for (let j = i + 1; j < lines.length; j++) {
      const m = lines[j];
      if (m.indent <= indent) break;
      rest.push(m);
    }
    return { at: l.n, rest: [...first, ...rest] };
  }
  return void 0;
}
function lineOf(text, pointer) {
  let lines = significant(text.split(/\r?\n/));
  let found;
  for (const seg of segments(pointer)) {
    const hit = /^\d+$/.test(seg) ? findItem(lines, Number(seg)) ?? findKey(lines, seg) : findKey(lines, seg);
    if (!hit) break;
    found = hit.at;
    lines = hit.rest;
  }
  return found;
}

// plugin/config/where.ts
function where(source, pointer) {
  const full = source.base + pointer;
  const line = source.text === void 0 ? void 0 : lineOf(source.text, full);
  return line === void 0 ? { file: source.label, pointer: full } : { file: source.label, line, pointer: full };
}
var coded = (code, at) => typeof at === "string" ? { code, subject: at } : { ...at, code };

export {
  where,
  coded
};
