// Slash-separated paths, one definition each: JSON pointers (RFC 6901) and the POSIX paths the checks compare.

/** One segment of a JSON pointer: `~` as `~0`, `/` as `~1` (every occurrence). */
export const escapeSegment = (segment: string | number): string => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** The segments of a pointer, unescaped (`''` and `'/'` are the root: no segment). */
export function segments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` inside `root`, or undefined. */
export function get(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (typeof v === 'object' && v !== null) v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return v;
}

/** A path without its trailing slashes; a path of slashes only is the root, `/`. */
export const trimSlashes = (path: string): string => path.replace(/\/+$/, '') || (path.startsWith('/') ? '/' : '');

/**
 * The name `path` has directly inside folder `dir` (`/a/b/c` in `/a/b/`: `c`; `/a/b/` in `/a/b`:
 * the empty name), else undefined (outside it, or deeper).
 */
export function fileIn(dir: string, path: string): string | undefined {
  const d = trimSlashes(dir);
  const prefix = d.endsWith('/') ? d : `${d}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest.includes('/') ? undefined : rest;
}
