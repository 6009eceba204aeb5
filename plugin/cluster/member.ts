// The data plane's side, one small idempotent function per step of the runbook (create when
// missing, update only when it differs, leave objects other tools manage as they are):
//
//   clusterUid → readDataPlane → ensureNamespace (kube.ts) → ensureServiceAccount → ensureClusterRole →
//   ensureClusterRoleBinding → ensureTokenSecret → waitForToken
//
// and the reverse for unjoin/rotate: deleteTokenSecret, deleteRbac.
//
// What join creates on a bare cluster carries Helm's ownership metadata for the data-plane release
// (so that `helm flytemc install data-plane` later adopts it instead of refusing it) and flytemc's
// own marker (so that unjoin deletes only what join created and no release has adopted since).
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, type Problem, EXIT } from '../problems/problems.ts';
import { createOrExisting, deleteOrAbsent, readOrAbsent, statusCode, type Kube } from './kube.ts';
import { type Plan, yamlOf } from './plan.ts';
import {
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  clusterRoleBindingName,
  clusterRoleName,
  gr,
  rulesCover,
  type AccessCheck,
  type PolicyRule,
} from '../config/rbac.ts';
import { mapLimit, maskSecret, sleep } from './util.ts';

const PROPELLER_CONFIGMAP = 'flyte-propeller-config';
const PROPELLER_DEPLOYMENTS = ['flytepropeller', 'flytepropeller-manager'];

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const CLUSTER_LABEL = 'flytemc.io/cluster-name';
/** flytemc's marker on what it created in a data plane: `join` or `rotate`. */
const CREATED_BY = 'flytemc.io/created-by';
const RELEASE_NAME = 'meta.helm.sh/release-name';
const RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';
const SA_ANNOTATION = 'kubernetes.io/service-account.name';
const TOKEN_TYPE = 'kubernetes.io/service-account-token';

/** The Helm release that will own what join creates: the data plane's (`install data-plane --release`, in its namespace). */
interface ReleaseOwner {
  release: string;
  namespace: string;
}

/** Labels and annotations of an object flytemc creates in a data plane. */
interface Creation {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** What join creates: Helm's ownership metadata for `owner` (adopted by its install) and flytemc's marker. */
export const joinCreation = (clusterName: string, owner: ReleaseOwner): Creation => ({
  labels: { [MANAGED_BY]: 'Helm', [CREATED_BY]: 'join', [CLUSTER_LABEL]: clusterName },
  annotations: { [RELEASE_NAME]: owner.release, [RELEASE_NAMESPACE]: owner.namespace },
});

/** What rotate creates (a token Secret no chart renders): flytemc's marker only. */
export const rotateCreation = (clusterName: string): Creation => ({ labels: { [CREATED_BY]: 'rotate', [CLUSTER_LABEL]: clusterName }, annotations: {} });

/** Created by flytemc (also the label of flytemc before the Helm ownership: managed-by flytemc). */
const createdByFlytemc = (o: { metadata?: K8s.V1ObjectMeta }) => !!o.metadata?.labels?.[CREATED_BY] || o.metadata?.labels?.[MANAGED_BY] === 'flytemc';

/** The UID of namespace kube-system: the identity of the physical cluster. */
export async function clusterUid(m: Kube): Promise<string> {
  const ns = await m.call('reading namespace kube-system', () => m.core.readNamespace({ name: 'kube-system' }));
  const uid = ns.metadata?.uid;
  if (!uid) throw new FlytemcError([error(`context ${m.context}`, 'namespace kube-system has no UID', 'is this a Kubernetes API server?')], EXIT.failed);
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
    `context ${context}: ${installed.deployment}${installed.release ? ` (Helm release ${installed.release})` : ''}`,
    `${force ? '--force: ' : ''}flytepropeller there reports as cluster ${JSON.stringify(id)} (--propeller.cluster-id), but it is joined as ${JSON.stringify(name)}: FlyteAdmin drops the events of a cluster it lists under another name, so no execution there would finish`,
    `join it as --name ${id}, or reinstall the data plane as ${name} (helm flytemc install data-plane --name ${name} --kube-context ${context} ...)${force ? '' : ', or pass --force to join it anyway'}`,
  );
  return force ? { ...p, severity: 'warning' } : p;
}

export async function ensureServiceAccount(m: Kube, ns: string, creation: Creation, plan: Plan): Promise<void> {
  const object = `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }));
  if (have) {
    plan.record({
      target: m.context,
      object,
      action: 'unchanged',
      ...(createdByFlytemc(have) ? {} : { note: `managed by ${have.metadata?.labels?.[MANAGED_BY] ?? 'someone else'}` }),
    });
    return;
  }
  const body: K8s.V1ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: SERVICE_ACCOUNT, namespace: ns, labels: creation.labels, annotations: creation.annotations },
  };
  await plan.apply({ target: m.context, object, action: 'create', after: yamlOf(body) }, () =>
    createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedServiceAccount({ namespace: ns, body })),
  );
}

const ruleOf = (r: K8s.V1PolicyRule): PolicyRule => ({ apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], verbs: r.verbs });

/** The rules a ClusterRole of flyteadmin must have: flyte-core's (default), or minimal ones (`join --rbac minimal`). */
interface WantedRules {
  rules: PolicyRule[];
  minimal: boolean;
}

export async function ensureClusterRole(
  m: Kube,
  ns: string,
  creation: Creation,
  plan: Plan,
  wanted: WantedRules = { rules: FLYTEADMIN_RULES, minimal: false },
): Promise<void> {
  const name = clusterRoleName(ns);
  const object = `ClusterRole ${name}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRole({ name }));
  const labels = { ...creation.labels, ...(wanted.minimal ? { 'flytemc.io/rbac': 'minimal' } : {}) };
  if (!have) {
    const body: K8s.V1ClusterRole = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels, annotations: creation.annotations },
      rules: wanted.rules,
    };
    await plan.apply(
      {
        target: m.context,
        object,
        action: 'create',
        ...(wanted.minimal ? { note: 'minimal: what the cluster-resource templates and FlyteWorkflow objects need' } : {}),
        after: yamlOf(body),
      },
      () => createOrExisting(m, `creating ${object}`, () => m.rbac.createClusterRole({ body })),
    );
    return;
  }
  const rules = (have.rules ?? []).map(ruleOf);
  if (wanted.minimal && createdByFlytemc(have) && JSON.stringify(rules) !== JSON.stringify(wanted.rules)) {
    // ours: exactly the minimal rules, no more
    const updated: K8s.V1ClusterRole = { ...have, metadata: { ...have.metadata, labels: { ...have.metadata?.labels, ...labels } }, rules: wanted.rules };
    await plan.apply(
      {
        target: m.context,
        object,
        action: 'update',
        note: 'minimal: exactly what FlyteAdmin needs',
        before: yamlOf({ rules: have.rules ?? [] }),
        after: yamlOf({ rules: wanted.rules }),
      },
      () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated })),
    );
    return;
  }
  if (rulesCover(rules, wanted.rules)) {
    const broader = wanted.minimal && !createdByFlytemc(have) && !rulesCover(wanted.rules, rules);
    plan.record({
      target: m.context,
      object,
      action: 'unchanged',
      ...(broader
        ? {
            note: `managed by ${have.metadata?.labels?.[MANAGED_BY] ?? 'another tool'} and broader than minimal: set multicluster.dataPlane.rbac=minimal on the data-plane release`,
          }
        : {}),
    });
    return;
  }
  const updated: K8s.V1ClusterRole = { ...have, rules: [...(have.rules ?? []), ...wanted.rules] };
  await plan.apply(
    {
      target: m.context,
      object,
      action: 'update',
      note: 'adds the rules FlyteAdmin needs',
      before: yamlOf({ rules: have.rules ?? [] }),
      after: yamlOf({ rules: updated.rules }),
    },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated })),
  );
}

/** The RBAC subject of a Kubernetes user name: a ServiceAccount for `system:serviceaccount:NS:NAME`, else a User. */
export function subjectOf(user: string): K8s.RbacV1Subject {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  return sa ? { kind: 'ServiceAccount', name: sa[2]!, namespace: sa[1]! } : { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: user };
}

const sameSubject = (a: K8s.RbacV1Subject, b: K8s.RbacV1Subject) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
const describeSubject = (s: K8s.RbacV1Subject) => (s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);

/** Binds ClusterRole <ns>-flyteadmin to `subject` (default: ServiceAccount <ns>/flyteadmin), adding it to a binding that lacks it. */
export async function ensureClusterRoleBinding(
  m: Kube,
  ns: string,
  creation: Creation,
  plan: Plan,
  subject: K8s.RbacV1Subject = { kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: ns },
): Promise<void> {
  const name = clusterRoleBindingName(ns);
  const object = `ClusterRoleBinding ${name}`;
  const roleRef: K8s.V1RoleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRoleName(ns) };
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRoleBinding({ name }));
  if (!have) {
    const body: K8s.V1ClusterRoleBinding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels: creation.labels, annotations: creation.annotations },
      roleRef,
      subjects: [subject],
    };
    await plan.apply({ target: m.context, object, action: 'create', after: yamlOf(body) }, () =>
      createOrExisting(m, `creating ${object}`, () => m.rbac.createClusterRoleBinding({ body })),
    );
    return;
  }
  if (have.roleRef.kind !== roleRef.kind || have.roleRef.name !== roleRef.name) {
    throw new FlytemcError(
      [
        error(
          `context ${m.context}: ${object}`,
          `binds ${have.roleRef.kind} ${have.roleRef.name}, not ClusterRole ${roleRef.name} (roleRef cannot change)`,
          `delete it (kubectl --context ${m.context} delete clusterrolebinding ${name}) and rerun join`,
        ),
      ],
      EXIT.failed,
    );
  }
  const subjects = have.subjects ?? [];
  if (subjects.some((s) => sameSubject(s, subject))) {
    plan.record({ target: m.context, object, action: 'unchanged' });
    return;
  }
  const updated = { ...have, subjects: [...subjects, subject] };
  await plan.apply(
    {
      target: m.context,
      object,
      action: 'update',
      note: `adds ${describeSubject(subject)}`,
      before: yamlOf({ subjects }),
      after: yamlOf({ subjects: updated.subjects }),
    },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRoleBinding({ name, body: updated })),
  );
}

/** Masked view of a token Secret, for plans. */
function maskedTokenSecret(s: K8s.V1Secret): unknown {
  const data = s.data ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: s.type,
    metadata: { name: s.metadata?.name, namespace: s.metadata?.namespace, labels: s.metadata?.labels, annotations: s.metadata?.annotations },
    ...(Object.keys(data).length
      ? { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskSecret(k === 'token' ? 'token' : k, Buffer.from(v, 'base64'))])) }
      : {}),
  };
}

/**
 * Ensures a `kubernetes.io/service-account-token` Secret for ServiceAccount flyteadmin: `existing`,
 * `created` by this call, or `planned` (a dry run: it would be created).
 */
export async function ensureTokenSecret(m: Kube, ns: string, secretName: string, creation: Creation, plan: Plan): Promise<'existing' | 'created' | 'planned'> {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (have) {
    const sa = have.metadata?.annotations?.[SA_ANNOTATION];
    if (have.type !== TOKEN_TYPE || sa !== SERVICE_ACCOUNT) {
      throw new FlytemcError(
        [
          error(
            `context ${m.context}: ${object}`,
            `exists but is not a token Secret of ServiceAccount ${SERVICE_ACCOUNT} (type ${have.type ?? 'Opaque'}, service-account.name ${sa ?? 'none'})`,
            'delete or rename that Secret, or install the data plane with the flyte-multicluster chart (which creates it correctly)',
          ),
        ],
        EXIT.failed,
      );
    }
    plan.record({ target: m.context, object, action: 'unchanged' });
    return 'existing';
  }
  const body: K8s.V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: TOKEN_TYPE,
    metadata: { name: secretName, namespace: ns, labels: creation.labels, annotations: { ...creation.annotations, [SA_ANNOTATION]: SERVICE_ACCOUNT } },
  };
  await plan.apply(
    { target: m.context, object, action: 'create', note: 'kube-controller-manager fills token and ca.crt', after: yamlOf(maskedTokenSecret(body)) },
    () => createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedSecret({ namespace: ns, body })),
  );
  return plan.dryRun ? 'planned' : 'created';
}

interface IssuedToken {
  token: string;
  /** PEM, from the Secret's ca.crt (kube-controller-manager's --root-ca-file). */
  caCrt?: string;
  secretName: string;
}

/** Polls the token Secret until the token controller has filled `token`. */
export async function waitForToken(m: Kube, ns: string, secretName: string, timeoutMs: number): Promise<IssuedToken> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    const s = await readOrAbsent(m, `reading Secret ${ns}/${secretName}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
    const token = s?.data?.token;
    if (token) {
      const ca = s?.data?.['ca.crt'];
      return { token: Buffer.from(token, 'base64').toString('utf8'), ...(ca ? { caCrt: Buffer.from(ca, 'base64').toString('utf8') } : {}), secretName };
    }
    if (Date.now() >= deadline) {
      throw new FlytemcError(
        [
          error(
            `context ${m.context}: Secret ${ns}/${secretName}`,
            s
              ? `still has no token after ${Math.round(timeoutMs / 1000)} s: the token controller of kube-controller-manager never filled it`
              : 'disappeared while waiting for its token (deleted by a concurrent rotate or unjoin, or by the token controller because ServiceAccount flyteadmin is missing)',
            'check that kube-controller-manager runs with --service-account-private-key-file (and --root-ca-file) and its serviceaccount-token controller enabled (managed clusters always do: retry with a longer --token-timeout)',
          ),
        ],
        EXIT.failed,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
}

/** The token Secrets of ServiceAccount flyteadmin in the namespace, each with its token. */
export async function listTokenSecrets(m: Kube, ns: string): Promise<Array<{ name: string; token?: string; labels: Record<string, string> }>> {
  const list = await m.call(`listing Secrets in ${ns}`, () => m.core.listNamespacedSecret({ namespace: ns, fieldSelector: `type=${TOKEN_TYPE}` }));
  return list.items
    .filter((s) => s.metadata?.annotations?.[SA_ANNOTATION] === SERVICE_ACCOUNT)
    .map((s) => ({
      name: s.metadata!.name!,
      ...(s.data?.token ? { token: Buffer.from(s.data.token, 'base64').toString('utf8') } : {}),
      labels: s.metadata?.labels ?? {},
    }));
}

export async function deleteTokenSecret(m: Kube, ns: string, secretName: string, plan: Plan, note?: string): Promise<void> {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (!have) {
    plan.record({ target: m.context, object, action: 'absent' });
    return;
  }
  await plan.apply(
    { target: m.context, object, action: 'delete', ...(note ? { note } : { note: 'revokes its token' }), before: yamlOf(maskedTokenSecret(have)) },
    () => deleteOrAbsent(m, `deleting ${object}`, () => m.core.deleteNamespacedSecret({ name: secretName, namespace: ns })),
  );
}

/**
 * The Helm release (`NS/NAME`) that owns an object join created, once `helm install` adopted it:
 * the release its ownership annotations name is stored (Helm's Secret or ConfigMap driver).
 */
async function adoptedBy(m: Kube, o: { metadata?: K8s.V1ObjectMeta }): Promise<string | undefined> {
  const release = o.metadata?.annotations?.[RELEASE_NAME];
  const namespace = o.metadata?.annotations?.[RELEASE_NAMESPACE];
  if (!release || !namespace) return undefined;
  const labelSelector = `owner=helm,name=${release}`;
  const stored = await m.call(`looking for Helm release ${namespace}/${release}`, async () => {
    const secrets = await m.core.listNamespacedSecret({ namespace, labelSelector, limit: 1 });
    if (secrets.items.length) return true;
    return (await m.core.listNamespacedConfigMap({ namespace, labelSelector, limit: 1 })).items.length > 0;
  });
  return stored ? `${namespace}/${release}` : undefined;
}

/** Deletes the binding, role and ServiceAccount join created, unless a Helm release adopted them; keeps those another tool manages (Helm). */
export async function deleteRbac(m: Kube, ns: string, plan: Plan): Promise<void> {
  const steps: Array<{ object: string; read: () => Promise<{ metadata?: K8s.V1ObjectMeta } | undefined>; del: () => Promise<unknown> }> = [
    {
      object: `ClusterRoleBinding ${clusterRoleBindingName(ns)}`,
      read: () => m.rbac.readClusterRoleBinding({ name: clusterRoleBindingName(ns) }),
      del: () => m.rbac.deleteClusterRoleBinding({ name: clusterRoleBindingName(ns) }),
    },
    {
      object: `ClusterRole ${clusterRoleName(ns)}`,
      read: () => m.rbac.readClusterRole({ name: clusterRoleName(ns) }),
      del: () => m.rbac.deleteClusterRole({ name: clusterRoleName(ns) }),
    },
    {
      object: `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      read: () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
      del: () => m.core.deleteNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
    },
  ];
  for (const s of steps) {
    const have = await readOrAbsent(m, `reading ${s.object}`, s.read);
    if (!have) {
      plan.record({ target: m.context, object: s.object, action: 'absent' });
      continue;
    }
    if (!createdByFlytemc(have)) {
      plan.record({
        target: m.context,
        object: s.object,
        action: 'skip',
        note: `kept: managed by ${have.metadata?.labels?.[MANAGED_BY] ?? 'another tool'} (uninstall the data-plane release to remove it)`,
      });
      continue;
    }
    const adopted = await adoptedBy(m, have);
    if (adopted) {
      plan.record({
        target: m.context,
        object: s.object,
        action: 'skip',
        note: `kept: created by join, adopted since by Helm release ${adopted} (uninstall the data-plane release to remove it)`,
      });
      continue;
    }
    await plan.apply({ target: m.context, object: s.object, action: 'delete' }, () => deleteOrAbsent(m, `deleting ${s.object}`, s.del));
  }
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
