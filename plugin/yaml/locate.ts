// The 1-based line of a JSON pointer in YAML text, for `file:line` in problems (eemeli yaml's node ranges).
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { segments } from './json-pointer.ts';

/** Whether a mapping key is `segment`: by its value, or by its text for a key YAML reads as a number or boolean. */
const keyIs = (key: unknown, segment: string) => isScalar(key) && (String(key.value) === segment || key.source === segment);

/** The child of `node` at one pointer segment, and the offset of the line that names it. */
function child(node: unknown, segment: string): { node: unknown; at: number } | undefined {
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item?.range ? { node: item, at: item.range[0] } : undefined;
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => keyIs(p.key, segment));
  const key = pair?.key as Node | undefined;
  return pair && key?.range ? { node: pair.value, at: key.range[0] } : undefined;
}

/** The line of `pointer` in `text`, or of its deepest ancestor found; undefined when not even the first key is found. */
export function lineOf(text: string, pointer: string): number | undefined {
  const lines = new LineCounter();
  // YAML 1.1, as flytemc reads values (`0755` is the key 493); only the first document of a stream
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, version: '1.1' });
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (const segment of segments(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    const hit = child(node, segment);
    if (!hit) break;
    found = lines.linePos(hit.at).line;
    node = hit.node;
  }
  return found;
}
