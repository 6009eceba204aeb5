// flytemc's YAML: js-yaml's YAML 1.2 core plus YAML 1.1 octal (`0755`), without timestamps, as Kubernetes reads it.
import yaml from 'js-yaml';
import { emitYaml, NotPlain } from './emit.ts';

// js-yaml 4 has no YAML 1.1 octal; it keeps one implicit type per tag, so the octal form joins
// its own int type (a second type of the tag would replace it, not add to it).
// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const t = (yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float' | 'merge', yaml.Type> }).types;
const isOctal11 = (data: string) => /^[-+]?0[0-7]+$/.test(data) && data.replace(/^[-+]/, '') !== '0';
const int = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (isOctal11(data) || t.int.resolve(data)),
  construct: (data: string) => (isOctal11(data) ? (data.startsWith('-') ? -1 : 1) * parseInt(data.replace(/^[-+]/, ''), 8) : t.int.construct(data)),
  predicate: t.int.predicate!,
  represent: t.int.represent!,
  defaultStyle: t.int.defaultStyle!,
});

// no timestamp type: a date-like string stays a string, as it does for Kubernetes
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [t.null, t.bool, int, t.float, t.merge],
});

export function parseYaml(text: string, filename?: string): unknown {
  return yaml.load(text, { schema: SCHEMA, ...(filename ? { filename } : {}) });
}

const DUMP_OPTIONS: yaml.DumpOptions = { schema: SCHEMA, lineWidth: -1, noRefs: true };
/** js-yaml's own dump: the reference that yaml/emit.ts matches byte for byte. */
export const jsYamlDump = (value: unknown): string => yaml.dump(value, DUMP_OPTIONS);

/** The YAML text of a value, as js-yaml writes it (yaml/emit.ts writes the plain parts faster). */
export function dumpYaml(value: unknown): string {
  try {
    return emitYaml(value, jsYamlDump);
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
    return jsYamlDump(value);
  }
}

export type YAMLException = yaml.YAMLException;
export const isYamlError = (e: unknown): e is yaml.YAMLException => e instanceof yaml.YAMLException;
