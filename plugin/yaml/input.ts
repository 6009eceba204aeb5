// Every untrusted YAML text is parsed here, in one order: size, NUL bytes, parse, tree limits (depth, alias expansion).
import { type InputLimits, notText, tooBig, tooDeep, tooExpanded, asLimitError, ALIAS_EXPANSION_FLOOR, MAX_ALIAS_EXPANSION, MAX_DEPTH } from './limits.ts';
import { parseYaml } from './dialect.ts';

/** Size and NUL bytes: text that can be parsed at all. */
export function checkText(text: string, where: string, limits: InputLimits): void {
  if (text.length > limits.maxBytes) throw tooBig(where, text.length, limits.maxBytes, limits.what);
  if (text.includes('\u0000')) throw notText(where, limits.what, limits.expected);
}

/** The value of untrusted YAML text; a FlytemcError past a limit, a YAMLException for invalid YAML (the caller knows how to say where). */
export function parseUntrusted(text: string, where: string, limits: InputLimits, filename?: string): unknown {
  checkText(text, where, limits);
  const value = refuseResourceErrors(where, () => parseYaml(text, filename));
  checkTree(value, where, text.length, text.includes('*'));
  return value;
}

/**
 * Checks one parsed value: nesting depth always; the size it has once aliases are expanded when
 * it may hold aliases (`aliases`: its text contains `*`). Without aliases a value is never
 * bigger than its text, so the walk then only goes as deep as the value and stops at the limit.
 * Iterative: a value deeper than the call stack is refused, not a crash.
 */
function checkTree(value: unknown, where: string, writtenChars: number, aliases = true): void {
  if (typeof value !== 'object' || value === null) return;
  if (!aliases) {
    if (depthOver(value, MAX_DEPTH)) throw tooDeep(where);
    return;
  }
  const budget = Math.max(ALIAS_EXPANSION_FLOOR, MAX_ALIAS_EXPANSION * writtenChars);
  let size = 0;
  const stack: Array<{ v: object; d: number }> = [{ v: value, d: 1 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (d > MAX_DEPTH) throw tooDeep(where);
    const entries: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) for (const k in v) size += k.length;
    size += 1;
    for (const c of entries) {
      size += 1;
      if (typeof c === 'string') size += c.length;
      else if (typeof c === 'object' && c !== null) stack.push({ v: c, d: d + 1 });
    }
    if (size > budget) throw tooExpanded(where, budget);
  }
}

/** Depth check without aliases: recursion bounded by `limit` (far below the stack size). */
function depthOver(v: object, limit: number): boolean {
  if (limit === 0) return true;
  if (Array.isArray(v)) {
    for (const c of v) if (typeof c === 'object' && c !== null && depthOver(c, limit - 1)) return true;
  } else {
    for (const k in v) {
      const c = (v as Record<string, unknown>)[k];
      if (typeof c === 'object' && c !== null && depthOver(c, limit - 1)) return true;
    }
  }
  return false;
}

/**
 * Last line of defence: a stack overflow (a nesting deeper than js-yaml's recursive parser can
 * take, long before MAX_DEPTH could be checked) or a string too long for V8 becomes a refusal that
 * names the limit, not "flytemc failed unexpectedly".
 */
export function refuseResourceErrors<T>(where: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw asLimitError(e, where) ?? e;
  }
}
