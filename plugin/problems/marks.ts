// Notes carried by every location naming a kubeconfig context (e.g. `[TLS NOT VERIFIED]`).

/**
 * Notes that every `where` naming a thing must carry (e.g. a kubeconfig context reached without
 * TLS verification: `[TLS NOT VERIFIED]`). A `where` names it as `context NAME`, `hub NAME` or
 * just `NAME`. Returns false when the note was there already.
 */
const marks = new Map<string, string>();
export function markWhere(name: string, note: string): boolean {
  if (marks.get(name) === note) return false;
  marks.set(name, note);
  return true;
}
export function marked(where: string): string {
  for (const [name, note] of marks) {
    const esc = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (where === name || new RegExp(`(^|\\s|\\()(context|hub) ${esc}($|[\\s),:])`).test(where)) return `${where} [${note}]`;
  }
  return where;
}
