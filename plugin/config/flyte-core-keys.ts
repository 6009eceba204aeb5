// Typos under `flyte-core:`: keys flyte-core's values do not have (Helm passes them, flyte-core ignores them), with the nearest key.
import { FLYTE_CORE, type KeyTree } from '../generated/flyte-core-keys.js';
import { isObject } from '../yaml/data.ts';
import { escapeSegment } from '../yaml/json-pointer.ts';
import { error, warning, type Problem, type Locator } from '../problems/problems.ts';
import { nearest } from '../cli/shell.ts';
import { coded } from './where.ts';

/** `{{ .Values.a.b }}` in the values' own strings: keys the values define for themselves (rendered through tpl, as userSettings). */
function templateRefs(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') for (const m of v.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)) out.add((m[1] ?? '').slice(1));
  else if (Array.isArray(v)) for (const x of v) templateRefs(x, out);
  else if (isObject(v)) for (const x of Object.values(v)) templateRefs(x, out);
  return out;
}

/**
 * The keys of `core` (a `flyte-core:` block) that flyte-core does not have; `at(pointer)` says
 * where (the pointer is under `/flyte-core`). Errors for `validate`, warnings for `install`.
 * `alsoRefs`: other values merged with these, whose `{{ .Values.… }}` strings define keys too.
 * Maps flyte-core renders whole (an empty map such as `storage.custom: {}`, `configmap.*`) take any key
 * (the tree: scripts/build/flyte-core-keys.mjs).
 */
export function unknownCoreKeys(core: unknown, at: Locator, severity: 'error' | 'warning', alsoRefs: unknown[] = []): Problem[] {
  if (!FLYTE_CORE || !isObject(core)) return [];
  const { version, tree } = FLYTE_CORE;
  const refs = templateRefs(core, new Set());
  for (const v of alsoRefs) templateRefs(v, refs);
  const defined = (path: string[]) => [...refs].some((r) => r === path.join('.') || r.startsWith(`${path.join('.')}.`));
  const problems: Problem[] = [];
  const walk = (value: Record<string, unknown>, node: { [key: string]: KeyTree }, path: string[]) => {
    for (const [k, v] of Object.entries(value)) {
      const here = [...path, k];
      const known = node[k];
      if (known === undefined) {
        if (defined(here)) continue;
        const near = nearest(k, Object.keys(node));
        const parent = path.length ? path.join('.') : 'flyte-core';
        const make = severity === 'error' ? error : warning;
        problems.push(
          make(
            coded('values.unknown-key', at(`/${here.map(escapeSegment).join('/')}`)),
            `flyte-core ${version} has no key ${here.join('.')}: Helm passes it on and flyte-core ignores it, so ${near ? `${[...path, near].join('.')} keeps its default` : 'it changes nothing'}`,
            near
              ? `did you mean ${[...path, near].join('.')}?`
              : `remove it; the keys of ${parent} are: ${Object.keys(node)
                  .filter((x) => x !== 'global')
                  .join(', ')}`,
          ),
        );
      } else if (known !== 0 && isObject(v)) walk(v, known, here);
    }
  };
  walk(core, tree, []);
  return problems;
}
