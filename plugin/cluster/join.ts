// `flytemc join`: the upstream guide's credential steps, automated and safe to re-run. Per
// data plane, in this order (nothing touches the hub before the token is proven):
//
//   1. connect with the operator's kubeconfig (any auth: token, client cert, exec plugin)
//   2. identify the physical cluster (kube-system UID); refuse a second name for it, and a name
//      other than the one its flytepropeller reports (--force: a warning)
//   3. ensure ServiceAccount flyteadmin, ClusterRole/-Binding <ns>-flyteadmin (flyte-core's rules,
//      or with --rbac minimal exactly what the cluster-resource templates need), token Secret
//   4. wait for kube-controller-manager to fill the token
//   5. prove token + CA against the endpoint: TLS verified, authenticated, every permission
//   6. write <name>_token / <name>_cacert into the hub's credentials Secret (RV-conditioned),
//      or, with --secret-out, into a Secret manifest in a file (the hub is never contacted)
//
// then, once for all: record clusters + routes in the values file, and --restart.
import { FlytemcError, error, type Problem, EXIT } from '../problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import type { Common } from './common.ts';
import { checkEndpoint } from './common.ts';
import { refuseDuplicate, type ClusterRecord, type CredentialStore } from './hub.ts';
import { connect, ensureNamespace } from './kube.ts';
import { clusterUid, ensureClusterRole, ensureClusterRoleBinding, ensureServiceAccount, ensureTokenSecret, identityProblem, readDataPlane, waitForToken } from './member.ts';
import type { Plan } from './plan.ts';
import { probe, type ProbeResult } from './probe.ts';
import { DEFAULT_NEEDS, DEFAULT_TOKEN_SECRET, FLYTEADMIN_RULES, SERVICE_ACCOUNT, accessChecks, minimalRules, type AccessCheck, type KindNeed } from '../config/rbac.ts';

/** Where a CA came from: the operator's kubeconfig, the token Secret's ca.crt, or the hub's current key. */
export type CaSource = 'kubeconfig' | 'ca.crt' | 'hub';

export interface JoinRequest {
  context: string;
  name: string;
  /** --endpoint; else the kubeconfig's server for the context. */
  endpoint?: string;
  routes: Array<{ label: string; weight: number }>;
  /** Join although the member's flytepropeller reports another cluster name. */
  force?: boolean;
  /** `minimal`: a ClusterRole with exactly what `needs` says (default: flyte-core's). */
  rbac?: 'flyte-core' | 'minimal';
  /** What FlyteAdmin needs in the member (from the control plane's cluster-resource templates). */
  needs?: KindNeed[];
}

export interface JoinOutcome {
  name: string;
  context: string;
  endpoint: string;
  /** Whether the credentials Secret (hub or file) changed (or would). */
  hubChanged: boolean;
  /** Which CA went to the hub. */
  caSource?: CaSource;
  warnings: Problem[];
  ms: number;
}

/** Tries the kubeconfig's CA first, then the token Secret's ca.crt; returns the first that verifies. */
export async function proveToken(endpoint: string, token: string, cas: Array<{ source: CaSource; pem: string | undefined }>, timeoutMs: number, checks?: AccessCheck[]): Promise<{ result: ProbeResult; source: CaSource; pem: string }> {
  let last: { result: ProbeResult; source: CaSource; pem: string } | undefined;
  const seen = new Set<string>();
  for (const ca of cas) {
    if (!ca.pem || seen.has(ca.pem.trim())) continue;
    seen.add(ca.pem.trim());
    const result = await probe(endpoint, token, ca.pem, { timeoutMs, ...(checks ? { checks } : {}) });
    last = { result, source: ca.source, pem: ca.pem };
    if (result.failed !== 'tls') return last;
  }
  if (!last) throw new FlytemcError([error(endpoint, 'no CA to verify the API server with: the kubeconfig names none and the token Secret has no ca.crt', 'add certificate-authority-data to the kubeconfig cluster')], EXIT.failed);
  return last;
}

export async function joinCluster(req: JoinRequest, store: CredentialStore, opts: Common, plan: Plan): Promise<JoinOutcome> {
  const started = Date.now();
  const { namespace: ns } = opts;
  const say = (msg: string) => opts.progress.step(req.name, msg, req.context);

  // 1. connect
  say(`connecting to context ${req.context}`);
  const m = await connect(req.context, opts.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);

  // 2. identify; refuse duplicates before changing anything anywhere
  const uid = await clusterUid(m);
  const creds = await store.read();
  refuseDuplicate(creds.records, req.name, uid, req.context, store.where);
  const known = creds.records[req.name];
  const warnings: Problem[] = [];
  const installed = await readDataPlane(m, ns);
  const identity = identityProblem(installed, req.name, req.context, req.force === true);
  if (identity?.severity === 'error') throw new FlytemcError([identity], EXIT.failed);
  if (identity) warnings.push(identity);
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? 'check' : 'skip',
    note: !installed.deployment
      ? `not installed yet: install the data plane with --name ${req.name}`
      : identity ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)`
      : installed.clusterId === req.name ? `reports as cluster ${JSON.stringify(req.name)}` : `reports the default cluster id ${JSON.stringify(installed.clusterId || 'propeller')}, which FlyteAdmin accepts`,
  });

  // 3. the data plane's ServiceAccount, RBAC and token Secret
  say('ensuring ServiceAccount, RBAC and token Secret');
  const needs = req.needs ?? DEFAULT_NEEDS;
  await ensureNamespace(m, ns, plan);
  await ensureServiceAccount(m, ns, req.name, plan);
  await ensureClusterRole(m, ns, req.name, plan, req.rbac === 'minimal' ? { rules: minimalRules(needs), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false });
  await ensureClusterRoleBinding(m, ns, req.name, plan);
  const tokenSecret = known?.tokenSecret ?? DEFAULT_TOKEN_SECRET; // after a rotate, the rotated Secret
  const exists = await ensureTokenSecret(m, ns, tokenSecret, req.name, plan);

  if (!exists) {
    // dry run on a fresh cluster: there is no token to prove or copy yet
    plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: 'skip', note: 'would wait for the token controller, then prove the token before touching the hub' });
    plan.record({ target: store.target, object: `Secret ${ns}/${opts.secretName}`, action: creds.exists ? 'update' : 'create', note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)` });
    return { name: req.name, context: req.context, endpoint, hubChanged: true, warnings, ms: Date.now() - started };
  }

  // 4. the token
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(m, ns, tokenSecret, opts.tokenTimeoutMs);

  // 5. prove it, as FlyteAdmin will use it
  say(`proving the token against ${endpoint}`);
  const checks = accessChecks(needs);
  const proof = await proveToken(endpoint, issued.token, [{ source: 'kubeconfig', pem: m.caPem }, { source: 'ca.crt', pem: issued.caCrt }], opts.kube.timeoutMs, checks);
  if (!proof.result.ok) {
    throw new FlytemcError([error(`cluster ${req.name} (${endpoint})`, `the token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} does not work: ${proof.result.what}`, `${proof.result.fix ?? ''}; ${store.short} was not changed`)], EXIT.failed);
  }
  plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: 'check', note: `ok: ${proof.result.user ?? 'authenticated'} over TLS verified with the ${proof.source} CA; ${proof.result.permissionsBy ?? 'permissions proven'}` });

  // 6. the hub (or the file)
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record: ClusterRecord = { uid, endpoint, tokenSecret, namespace: ns };
  const hubChanged = await store.upsert({ name: req.name, token: issued.token, caPem: proof.pem, record }, plan, req.context);
  say(hubChanged ? (plan.dryRun ? `would update ${store.short}` : 'joined') : 'already joined: nothing changed');
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: proof.source, warnings, ms: Date.now() - started };
}
