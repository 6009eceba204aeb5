// An evaluation kept with its saved run (docs/logs/2026-12-06-ssa-evaluation.log): server-side apply (fieldManager flytemc) against join's get-compare-create-update reconcilers, on one harness cluster.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
const R = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const k8s = await import(`${R}/node_modules/@kubernetes/client-node/dist/index.js`);
const { withClusters } = await import(`${R}/test/harness/cluster.ts`);
const { connect } = await import(`${R}/plugin/cluster/kube.ts`);
const { joinCreation } = await import(`${R}/plugin/cluster/member.ts`);
const { ensureServiceAccount, ensureClusterRole, ensureClusterRoleBinding } = await import(`${R}/plugin/cluster/member-rbac.ts`);
const { Plan } = await import(`${R}/plugin/cluster/plan.ts`);
const { FLYTEADMIN_RULES } = await import(`${R}/plugin/config/rbac.ts`);
const { helmBinary, helmEnv } = await import(`${R}/test/helpers/helm.ts`);

const out: Record<string, unknown> = {};
const ms = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const r = await f();
  out[label] = `${(performance.now() - t).toFixed(1)} ms`;
  return r;
};
const SSA = k8s.PatchStrategy.ServerSideApply;

await withClusters(1, async (set: any) => {
  const c = set.clusters[0];
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(set.kubeconfigPath);
  kc.setCurrentContext(c.context);
  const obj = k8s.KubernetesObjectApi.makeApiClient(kc);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const rbac = kc.makeApiClient(k8s.RbacAuthorizationV1Api);
  for (const ns of ['a', 'b', 'c']) await core.createNamespace({ body: { metadata: { name: ns } } });

  // A. today's reconcilers
  const m = await connect(c.context, { kubeconfig: set.kubeconfigPath, timeoutMs: 15000 });
  const cr = joinCreation('dp', { release: 'flyte', namespace: 'a' });
  const run = async () => {
    const p = new Plan(false);
    await ensureServiceAccount(m, 'a', cr, p);
    await ensureClusterRole(m, 'a', cr, p);
    await ensureClusterRoleBinding(m, 'a', cr, p);
    return p.changes.map((x: any) => x.action).join(',');
  };
  await run(); // warm the connection once on another object set
  await core.deleteNamespacedServiceAccount({ name: 'flyteadmin', namespace: 'a' });
  await rbac.deleteClusterRole({ name: 'a-flyteadmin' });
  await rbac.deleteClusterRoleBinding({ name: 'a-flyteadmin-binding' });
  out['reconcile first (3 reads, 3 creates)'] = await ms('reconcile first ms', run);
  out['reconcile again (3 reads)'] = await ms('reconcile again ms', run);

  // B. the same three objects by server-side apply
  const metaIn = (owner: string) => joinCreation('dp', { release: 'flyte', namespace: owner });
  const meta = (name: string, ns: string, namespaced = false) => ({ name, ...(namespaced ? { namespace: ns } : {}), labels: metaIn(ns).labels, annotations: metaIn(ns).annotations });
  const bodies = (ns: string) => [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('flyteadmin', ns, true) },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta(`${ns}-flyteadmin`, ns), rules: FLYTEADMIN_RULES },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(`${ns}-flyteadmin-binding`, ns),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${ns}-flyteadmin` },
      subjects: [{ kind: 'ServiceAccount', name: 'flyteadmin', namespace: ns }],
    },
  ];
  const apply = async (ns: string, dryRun?: string, force = false) => {
    const rvs: string[] = [];
    for (const b of bodies(ns)) rvs.push((await obj.patch(b as any, undefined, dryRun, 'flytemc', force, SSA)).metadata!.resourceVersion!);
    return rvs;
  };
  const first = await ms('ssa first ms (3 applies)', () => apply('b'));
  const second = await ms('ssa again ms (3 applies)', () => apply('b'));
  out['ssa again: resourceVersions unchanged (no-op detectable)'] = JSON.stringify(first) === JSON.stringify(second);
  await ms('ssa dryRun=All ms (3 applies)', () => apply('b', 'All'));

  // C. a ClusterRole another manager (Helm) owns, with other rules: apply without force, then with force
  await rbac.createClusterRole({
    body: { metadata: { name: 'c-flyteadmin', labels: { 'app.kubernetes.io/managed-by': 'Helm' } }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    fieldManager: 'helm',
  });
  const role = bodies('c')[1]!;
  try {
    await obj.patch(role as any, undefined, undefined, 'flytemc', false, SSA);
    out['ssa on a role Helm owns, no force'] = 'accepted';
  } catch (e: any) {
    out['ssa on a role Helm owns, no force'] = `HTTP ${e.code}: ${JSON.parse(e.body ?? '{}').message?.slice(0, 160)}`;
  }
  const forced = await obj.patch(role as any, undefined, undefined, 'flytemc', true, SSA);
  out['ssa forced: rules after (pods get kept?)'] = JSON.stringify(forced.rules);
  // D. a binding with another subject
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: 'c-flyteadmin-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'c-flyteadmin' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'someone' }],
    },
    fieldManager: 'helm',
  });
  const bound = await obj.patch(bodies('c')[2] as any, undefined, undefined, 'flytemc', true, SSA).catch((e: any) => ({ error: e.code }));
  out['ssa forced binding: subjects after'] = JSON.stringify((bound as any).subjects ?? bound);

  // E. Helm 4 (server-side apply by default) and Helm 3 adopting what SSA created in namespace b
  const chart = mkdtempSync(join(tmpdir(), 'ssa-chart-'));
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: dp\nversion: 0.1.0\n');
  writeFileSync(
    join(chart, 'templates', 'rbac.yaml'),
    `apiVersion: v1
kind: ServiceAccount
metadata: {name: flyteadmin, namespace: {{ .Release.Namespace }}, labels: {app.kubernetes.io/managed-by: Helm}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: {{ .Release.Namespace }}-flyteadmin, labels: {app.kubernetes.io/managed-by: Helm}}
rules: {{ .Values.rules | toJson }}
`,
  );
  writeFileSync(join(chart, 'values.yaml'), `rules: ${JSON.stringify(FLYTEADMIN_RULES)}\n`);
  const home = mkdtempSync(join(tmpdir(), 'ssa-helm-'));
  const helm = (major: 3 | 4, args: string[]) => {
    const r = spawnSync(helmBinary(major), [...args, '--kubeconfig', set.kubeconfigPath, '--kube-context', c.context], { env: helmEnv(home), encoding: 'utf8' });
    return `${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 220)}`;
  };
  out['helm4 install over SSA objects (same rules)'] = helm(4, ['install', 'flyte', chart, '-n', 'b']);
  out['helm4 upgrade with other rules'] = helm(4, ['upgrade', 'flyte', chart, '-n', 'b', '--set-json', 'rules=[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]']);
  out['managers on b-flyteadmin after helm4'] = JSON.stringify(((await rbac.readClusterRole({ name: 'b-flyteadmin' })).metadata!.managedFields ?? []).map((f: any) => `${f.manager}/${f.operation}`));
  out['join (ssa, no force) after helm4 upgrade'] = await apply('b').then(() => 'accepted', (e: any) => `HTTP ${e.code}: ${JSON.parse(e.body ?? '{}').message?.slice(0, 200)}`);
  // Helm 3 on namespace a (today's create path) and a fresh SSA namespace
  await core.createNamespace({ body: { metadata: { name: 'd' } } });
  await apply('d');
  out['helm3 install over SSA objects'] = helm(3, ['install', 'flyte', chart, '-n', 'd']);
  out['helm3 upgrade with other rules'] = helm(3, ['upgrade', 'flyte', chart, '-n', 'd', '--set-json', 'rules=[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]']);
  out['helm4 install over create-path objects (a)'] = helm(4, ['install', 'flyte', chart, '-n', 'a']);
  out['helm4 upgrade with other rules (a, create path)'] = helm(4, ['upgrade', 'flyte', chart, '-n', 'a', '--set-json', 'rules=[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]']);
  out['helm4 upgrade with other rules --force-conflicts (a)'] = helm(4, ['upgrade', 'flyte', chart, '-n', 'a', '--force-conflicts', '--set-json', 'rules=[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]']);
  out['managers on a-flyteadmin'] = JSON.stringify(((await rbac.readClusterRole({ name: 'a-flyteadmin' })).metadata!.managedFields ?? []).map((f: any) => `${f.manager}/${f.operation}`));
});
console.log(JSON.stringify(out, null, 2));
