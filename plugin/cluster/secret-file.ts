// `flytemc join --secret-out FILE`: the credentials Secret as a manifest for GitOps, written once, mode 0600, atomically, the same bytes for the same input.
import { chmodSync, existsSync } from 'node:fs';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { FILE_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { dumpYaml, isYamlError } from '../yaml/dialect.ts';
import { RECORDS_ANNOTATION, masked, parseRecords, refuseDuplicate, sortRecords, type ClusterRecord, type CredentialStore } from './hub.ts';
import { MANAGED_BY } from './member.ts';
import type { Plan } from './plan.ts';
import { readText, writeFileAtomic } from '../cli/stdio.ts';
import { isObject } from '../yaml/data.ts';

interface SecretFile extends CredentialStore {
  /** Writes the file (unless a dry run, or nothing changed); call once, after every join. */
  flush(plan: Plan): void;
}

const HEADER = (ns: string, name: string) =>
  `# Secret ${ns}/${name}: the data planes' tokens and CAs for FlyteAdmin, written by \`flytemc join --secret-out\`.\n` +
  '# It holds live credentials: seal it (kubeseal) or encrypt it (sops) before it goes to git, and keep\n' +
  '# this file out of git. Apply it as is with: kubectl apply --server-side -f FILE\n';

interface Current {
  data: Record<string, string>;
  records: Record<string, ClusterRecord>;
  text?: string;
}

/** The Secret manifest in FILE, decoded; refuses what it cannot merge into. */
function readSecretFile(path: string, ns: string, name: string): Current | undefined {
  if (!existsSync(path)) return undefined;
  const text = readText(path);
  let v: unknown;
  try {
    v = parseUntrusted(text, path, FILE_INPUT, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError(
      [
        error(
          { file: path, code: 'secret-file.unreadable' },
          `is not a Secret manifest (invalid YAML: ${e.reason})`,
          'pass another --secret-out FILE, or remove it',
        ),
      ],
      EXIT.usage,
    );
  }
  if (isObject(v) && isObject(v.sops))
    throw new FlytemcError(
      [
        error(
          { file: path, code: 'secret-file.encrypted' },
          'is encrypted by SOPS: its values cannot be merged',
          `decrypt it first (sops -d ${path} > plain.yaml) and merge into that, then encrypt again`,
        ),
      ],
      EXIT.usage,
    );
  if (!isObject(v) || v.kind !== 'Secret' || v.apiVersion !== 'v1') {
    const kind = isObject(v) && typeof v.kind === 'string' ? ` (a ${v.kind})` : '';
    throw new FlytemcError(
      [
        error(
          { file: path, code: 'secret-file.kind' },
          `is not a v1 Secret manifest${kind}: join cannot merge into it`,
          kind.includes('SealedSecret')
            ? 'a SealedSecret cannot be read back: keep the plain Secret file (outside git) and seal it again after each join'
            : 'pass another --secret-out FILE',
        ),
      ],
      EXIT.usage,
    );
  }
  const meta = isObject(v.metadata) ? v.metadata : {};
  if (meta.name !== name || (meta.namespace ?? ns) !== ns) {
    throw new FlytemcError(
      [
        error(
          { file: path, code: 'secret-file.other-secret' },
          `holds Secret ${String(meta.namespace ?? '?')}/${String(meta.name ?? '?')}, not ${ns}/${name}`,
          `pass -n ${String(meta.namespace)} and the matching --values, or another --secret-out FILE`,
        ),
      ],
      EXIT.usage,
    );
  }
  const data: Record<string, string> = {};
  for (const [k, val] of Object.entries(isObject(v.data) ? v.data : {})) data[k] = Buffer.from(String(val), 'base64').toString('utf8');
  for (const [k, val] of Object.entries(isObject(v.stringData) ? v.stringData : {})) data[k] = String(val);
  return { data, records: parseRecords({ metadata: { annotations: isObject(meta.annotations) ? (meta.annotations as Record<string, string>) : {} } }), text };
}

function manifest(ns: string, name: string, data: Record<string, string>, records: Record<string, ClusterRecord>): string {
  const body = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: { name, namespace: ns, labels: { [MANAGED_BY]: 'flytemc' }, annotations: { [RECORDS_ANNOTATION]: JSON.stringify(sortRecords(records)) } },
    data: Object.fromEntries(
      Object.keys(data)
        .sort()
        .map((k) => [k, Buffer.from(data[k]!, 'utf8').toString('base64')]),
    ),
  };
  return HEADER(ns, name) + dumpYaml(body);
}

/** The file as a credential store: with --merge the other clusters already in FILE are kept; without it, a FILE holding others is refused, not overwritten. */
export function secretFile(path: string, ns: string, name: string, merge: boolean, joining: string[]): SecretFile {
  const cur = readSecretFile(path, ns, name);
  if (cur && !merge) {
    const mine = new Set(joining.flatMap((n) => [tokenKey(n), caKey(n)]));
    const others = Object.keys(cur.data).filter((k) => !mine.has(k));
    if (others.length) {
      throw new FlytemcError(
        [
          error(
            { file: path, code: 'secret-file.other-clusters' },
            `already holds ${others.sort().join(', ')} of other clusters, which writing it anew would drop`,
            'add --merge to keep them, or pass another --secret-out FILE',
          ),
        ],
        EXIT.usage,
      );
    }
  }
  const data: Record<string, string> = merge && cur ? { ...cur.data } : {};
  const records: Record<string, ClusterRecord> = merge && cur ? { ...cur.records } : {};
  const object = `Secret ${ns}/${name}`;
  return {
    where: `file ${path} (${object})`,
    target: path,
    short: path,
    async read() {
      return { exists: !!cur, records };
    },
    async upsert(j, _plan, context) {
      refuseDuplicate(records, j.name, j.record.uid, context, `file ${path}`);
      const changed =
        (j.token !== undefined && data[tokenKey(j.name)] !== j.token) ||
        data[caKey(j.name)] !== j.caPem ||
        JSON.stringify(records[j.name]) !== JSON.stringify(j.record);
      if (j.token !== undefined) data[tokenKey(j.name)] = j.token;
      data[caKey(j.name)] = j.caPem;
      records[j.name] = j.record;
      return changed;
    },
    flush(plan) {
      const text = manifest(ns, name, data, records);
      const action = !cur ? 'create' : cur.text === text ? 'unchanged' : 'update';
      const before = cur ? masked(cur.data, cur.records) : '';
      plan.record({
        target: path,
        object,
        action,
        note: `mode 0600, ${Object.keys(records).length} cluster${Object.keys(records).length === 1 ? '' : 's'}; seal or encrypt it before it goes to git`,
        before,
        after: masked(data, records),
      });
      if (plan.dryRun) return;
      if (action !== 'unchanged') writeFileAtomic(path, text, 0o600);
      else chmodSync(path, 0o600);
    },
  };
}
