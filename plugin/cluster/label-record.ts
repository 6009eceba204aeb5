// The record of the execution cluster labels `labels apply` set in FlyteAdmin (ConfigMap flytemc-execution-labels in the hub), so `--prune` removes only those.
import type * as K8s from '@kubernetes/client-node';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { dumpYaml } from '../yaml/dialect.ts';
import { isObject } from '../yaml/data.ts';
import { readOrAbsent, type Kube } from './kube.ts';
import { isConflict } from './kube-errors.ts';

// FlyteAdmin's attributes carry no owner: the record, written with a compare-and-swap on its resourceVersion, is the only way to tell flytemc's apart.

const NAME = 'flytemc-execution-labels';
const KEY = 'applied.yaml';
const HEADER = `# The execution cluster label attributes \`flytemc labels apply\` set in FlyteAdmin (project, domain,
# workflow). FlyteAdmin records no owner for an attribute, so \`labels apply --prune\` removes only
# these (\`--prune-all\`: every attribute the values do not list). Written by flytemc; do not edit.
`;

interface Target {
  project: string;
  domain: string;
  workflow?: string;
}

/** The record in namespace `ns` of the hub; `dryRun`: read, never written. */
export function labelRecord(hub: Kube, ns: string, dryRun: boolean) {
  const where = `hub ${hub.context} ConfigMap ${ns}/${NAME}`;
  return {
    where,
    async read(): Promise<{ targets: Target[]; version?: string }> {
      const cm = await readOrAbsent(hub, `reading ConfigMap ${ns}/${NAME}`, () => hub.core.readNamespacedConfigMap({ name: NAME, namespace: ns }));
      if (!cm) return { targets: [] };
      const v = parseUntrusted(cm.data?.[KEY] ?? '[]', `${where} ${KEY}`, STREAM_INPUT);
      const targets = (Array.isArray(v) ? v : [])
        .filter((t): t is Record<string, unknown> => isObject(t) && typeof t.project === 'string' && typeof t.domain === 'string')
        .map((t) => ({ project: t.project as string, domain: t.domain as string, ...(typeof t.workflow === 'string' ? { workflow: t.workflow } : {}) }));
      return { targets, ...(cm.metadata?.resourceVersion ? { version: cm.metadata.resourceVersion } : {}) };
    },
    async write(targets: Target[], version: string | undefined): Promise<void> {
      if (dryRun) return;
      const body: K8s.V1ConfigMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: NAME,
          namespace: ns,
          labels: { 'app.kubernetes.io/managed-by': 'flytemc' },
          ...(version ? { resourceVersion: version } : {}),
        },
        data: { [KEY]: HEADER + dumpYaml(targets) },
      };
      const conflict = await hub.call(`writing ConfigMap ${ns}/${NAME}`, async () => {
        try {
          if (version) await hub.core.replaceNamespacedConfigMap({ name: NAME, namespace: ns, body });
          else await hub.core.createNamespacedConfigMap({ namespace: ns, body });
          return false;
        } catch (e) {
          if (isConflict(e)) return true;
          throw e;
        }
      });
      if (conflict)
        throw new FlytemcError(
          [
            error(
              { subject: where, code: 'labels.conflict' },
              'another `labels apply` changed the record while this one ran',
              'rerun the command: it starts from what FlyteAdmin and the record hold now',
            ),
          ],
          EXIT.failed,
        );
    },
  };
}
