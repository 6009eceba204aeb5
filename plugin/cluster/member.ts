// The data plane as join finds it: its identity, its flytepropeller, and the marks on what flytemc creates there.
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, type Problem, EXIT } from '../problems/problems.ts';
import { readOrAbsent, statusCode, type Kube } from './kube.ts';
import { gr, type AccessCheck } from '../config/rbac.ts';
import { mapLimit } from './util.ts';
import { noted } from './tls-note.ts';

const PROPELLER_CONFIGMAP = 'flyte-propeller-config';
const PROPELLER_DEPLOYMENTS = ['flytepropeller', 'flytepropeller-manager'];

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const CLUSTER_LABEL = 'flytemc.io/cluster-name';
/** flytemc's marker on what it created in a data plane: `join` or `rotate`. */
const CREATED_BY = 'flytemc.io/created-by';
/** The field manager of what flytemc writes in a data plane, so that a server-side apply that conflicts (Helm 4's) names flytemc. */
export const FIELD_MANAGER = 'flytemc';
export const RELEASE_NAME = 'meta.helm.sh/release-name';
export const RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';

/** The Helm release that will own what join creates: the data plane's (`install data-plane --release`, in its namespace). */
interface ReleaseOwner {
  release: string;
  namespace: string;
}

/** Labels and annotations of an object flytemc creates in a data plane. */
export interface Creation {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** What join creates: Helm's ownership metadata for `owner` (so its install adopts it) and flytemc's marker (so unjoin may delete it). */
export const joinCreation = (clusterName: string, owner: ReleaseOwner): Creation => ({
  labels: { [MANAGED_BY]: 'Helm', [CREATED_BY]: 'join', [CLUSTER_LABEL]: clusterName },
  annotations: { [RELEASE_NAME]: owner.release, [RELEASE_NAMESPACE]: owner.namespace },
});

/** What rotate creates (a token Secret no chart renders): flytemc's marker only. */
export const rotateCreation = (clusterName: string): Creation => ({ labels: { [CREATED_BY]: 'rotate', [CLUSTER_LABEL]: clusterName }, annotations: {} });

/** Created by flytemc: its marker, or the label `managed-by: flytemc` (objects it created without Helm's ownership metadata). */
export const createdByFlytemc = (o: { metadata?: K8s.V1ObjectMeta }) => !!o.metadata?.labels?.[CREATED_BY] || o.metadata?.labels?.[MANAGED_BY] === 'flytemc';

/** Who manages an object, for notes: its managed-by label. */
export const managerOf = (o: { metadata?: K8s.V1ObjectMeta }, otherwise: string) => o.metadata?.labels?.[MANAGED_BY] ?? otherwise;

/** The UID of namespace kube-system: the identity of the physical cluster. */
export async function clusterUid(m: Kube): Promise<string> {
  const ns = await m.call('reading namespace kube-system', () => m.core.readNamespace({ name: 'kube-system' }));
  const uid = ns.metadata?.uid;
  if (!uid)
    throw new FlytemcError(
      [
        error(
          { code: 'join.no-uid', subject: noted(`context ${m.context}`, m.tlsVerified !== false) },
          'namespace kube-system has no UID',
          'is this a Kubernetes API server?',
        ),
      ],
      EXIT.failed,
    );
  return uid;
}

/** The flyte-core data plane installed in the member: flytepropeller's Deployment and config. */
interface InstalledDataPlane {
  /** `Deployment NS/NAME` of flytepropeller, when there is one. */
  deployment?: string;
  /** Its `--propeller.cluster-id` ('' when it passes none: flytepropeller then reports the default). */
  clusterId?: string;
  /** The data of ConfigMap flyte-propeller-config (admin.yaml, catalog.yaml, storage.yaml, …), when there is one. */
  config?: Record<string, string>;
  /** The Helm release that installed it (meta.helm.sh/release-name), if any. */
  release?: string;
}

/** The value of `--flag V` or `--flag=V` in a command line. */
export function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
  }
  return undefined;
}

/** Reads flytepropeller's Deployment and ConfigMap in the member's namespace (nothing found: an empty answer). */
export async function readDataPlane(m: Kube, ns: string): Promise<InstalledDataPlane> {
  const out: InstalledDataPlane = {};
  for (const name of PROPELLER_DEPLOYMENTS) {
    const d = await readOrAbsent(m, `reading Deployment ${ns}/${name}`, () => m.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (!d) continue;
    out.deployment = `Deployment ${ns}/${name}`;
    const c = (d.spec?.template?.spec?.containers ?? []).find((x) => x.name === name) ?? d.spec?.template?.spec?.containers?.[0];
    out.clusterId = flagValue([...(c?.command ?? []), ...(c?.args ?? [])], '--propeller.cluster-id') ?? '';
    const release = d.metadata?.annotations?.[RELEASE_NAME];
    if (release) out.release = release;
    break;
  }
  const cm = await readOrAbsent(m, `reading ConfigMap ${ns}/${PROPELLER_CONFIGMAP}`, () =>
    m.core.readNamespacedConfigMap({ name: PROPELLER_CONFIGMAP, namespace: ns }),
  );
  if (cm) out.config = cm.data ?? {};
  return out;
}

/**
 * The other namespaces of the member where a flytepropeller Deployment runs (when it is not in
 * `ns`, the namespace flag was likely forgotten); empty when it cannot list Deployments.
 */
export async function propellerElsewhere(m: Kube, ns: string): Promise<string[]> {
  const found = new Set<string>();
  for (const name of PROPELLER_DEPLOYMENTS) {
    const list = await m.call(`looking for Deployment ${name} in every namespace`, async () => {
      try {
        return await m.apps.listDeploymentForAllNamespaces({ fieldSelector: `metadata.name=${name}` });
      } catch (e) {
        if (statusCode(e) === 403) return undefined; // a context allowed one namespace only: no hint
        throw e;
      }
    });
    for (const d of list?.items ?? []) if (d.metadata?.namespace && d.metadata.namespace !== ns) found.add(d.metadata.namespace);
  }
  return [...found].sort();
}

/** flytepropeller's default cluster id, which FlyteAdmin accepts from any cluster. */
export const DEFAULT_CLUSTER_ID = 'propeller';

/**
 * Refuses to join a member under a name other than the one its flytepropeller reports
 * (FlyteAdmin drops events of a cluster it lists under another name); with force, a warning.
 */
export function identityProblem(installed: InstalledDataPlane, name: string, context: string, force: boolean): Problem | undefined {
  const id = installed.clusterId;
  if (!installed.deployment || !id || id === DEFAULT_CLUSTER_ID || id === name) return undefined;
  const p = error(
    { code: 'join.identity', subject: `context ${context}: ${installed.deployment}${installed.release ? ` (Helm release ${installed.release})` : ''}` },
    `${force ? '--force: ' : ''}flytepropeller there reports as cluster ${JSON.stringify(id)} (--propeller.cluster-id), but it is joined as ${JSON.stringify(name)}: FlyteAdmin drops the events of a cluster it lists under another name, so no execution there would finish`,
    `join it as --name ${id}, or reinstall the data plane as ${name} (helm flytemc install data-plane --name ${name} --kube-context ${context} ...)${force ? '' : ', or pass --force to join it anyway'}`,
  );
  return force ? { ...p, severity: 'warning' } : p;
}

/** The groups the API server gives a user name (for a faithful SubjectAccessReview): a ServiceAccount's, else an authenticated user's. */
function groupsOf(user: string): string[] {
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  return sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`, 'system:authenticated'] : ['system:authenticated'];
}

/**
 * What `user` may not do of `checks` in the member, asked through the operator's connection (one
 * SubjectAccessReview each, cluster-wide): how flytemc judges an identity it cannot act as, the
 * pod identity of a credential proxy.
 */
export async function deniedTo(m: Kube, user: string, checks: AccessCheck[]): Promise<AccessCheck[]> {
  const groups = groupsOf(user);
  const results = await mapLimit(checks, 8, (c) =>
    m.call(`asking whether ${user} may ${c.verb} ${gr(c)} (SubjectAccessReview)`, () =>
      m.authz.createSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: { user, groups, resourceAttributes: { group: c.group, resource: c.resource, verb: c.verb } },
        },
      }),
    ),
  );
  const denied: AccessCheck[] = [];
  results.forEach((r, i) => {
    if (r.status === 'rejected') throw r.reason;
    if (r.value.status?.allowed !== true) denied.push(checks[i]!);
  });
  return denied;
}
