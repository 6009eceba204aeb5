// `flytemc join`: the upstream guide's credential steps, automated and safe to re-run. Per
// data plane, in this order (nothing touches the hub before the token is proven):
//
//   1. connect with the operator's kubeconfig (any auth: token, client cert, exec plugin)
//   2. identify the physical cluster (kube-system UID); refuse a second name for it, a name other
//      than the one its flytepropeller reports, and a namespace where it has no flytepropeller but
//      another namespace has one (--force: warnings)
//   3. ensure ServiceAccount flyteadmin, ClusterRole/-Binding <ns>-flyteadmin (flyte-core's rules,
//      or with --rbac minimal exactly what the cluster-resource templates need), token Secret; what
//      it creates carries Helm's ownership metadata for the data-plane release (--release, in the
//      namespace), so that a later `install data-plane` adopts it, and flytemc's marker for unjoin
//   4. wait for kube-controller-manager to fill the token
//   5. prove token + CA against the endpoint: TLS verified, authenticated, every permission
//   6. write <name>_token / <name>_cacert into the hub's credentials Secret (RV-conditioned, and
//      refused when a concurrent rotate changed the cluster's token Secret meanwhile),
//      or, with --secret-out, into a Secret manifest in a file (the hub is never contacted)
//
// With --auth eks|gke|exec (a credential proxy, config/credential-proxy.ts), steps 3 to 6 are:
// RBAC bound to the proxy's identity, no token Secret; the API server proven over TLS with the CA
// the proxy will use and the identity's permissions by SubjectAccessReview (flytemc cannot act as
// the pod's identity); only <name>_cacert into the hub; the cloud side printed, never run.
//
// then, once for all: record clusters + routes in the values file, and --restart.
import {
  DEFAULT_NEEDS,
  DEFAULT_TOKEN_SECRET,
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  accessChecks,
  clusterRoleName,
  gr,
  minimalRules,
  type KindNeed,
} from '../config/rbac.ts';
import { cloudSide, type ProxyJoin } from '../config/workload-identity.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { addClusters, editValuesFile, type ClusterEntry } from '../config/values-file.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { EXIT, FlytemcError, error, warning, type Problem } from '../problems/problems.ts';
import { needsFor } from './check-needs.ts';
import { ConcurrentChange, hubStore, refuseDuplicate, type ClusterRecord, type CredentialStore } from './hub.ts';
import { ensureNamespace, type Kube } from './kube.ts';
import {
  clusterUid,
  deleteTokenSecret,
  deniedTo,
  ensureClusterRole,
  ensureClusterRoleBinding,
  ensureServiceAccount,
  ensureTokenSecret,
  identityProblem,
  joinCreation,
  propellerElsewhere,
  readDataPlane,
  subjectOf,
  waitForToken,
} from './member.ts';
import type { CaSource } from './probe.ts';
import { restartDeployments } from './rollout.ts';
import { secretFile } from './secret-file.ts';
import type { ClusterSession } from './session.ts';
import { mapLimit } from './util.ts';

interface JoinRequest {
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
  /** The data-plane release that will own what join creates (`install data-plane --release`). */
  release?: string;
  /** --auth eks|gke|exec: reached through a credential proxy, without a long-lived token. */
  proxy?: ProxyJoin;
}

interface JoinOutcome {
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

const ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;

/** The member's API server as FlyteAdmin will reach it: an https URL, without trailing slashes. */
export function checkEndpoint(endpoint: string, where: string): string {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError(
      [
        error(
          where,
          `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`,
          'pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)',
        ),
      ],
      EXIT.invalid,
    );
  }
  return trimSlashes(endpoint);
}

/** One data plane, steps 1 to 6. */
async function joinCluster(req: JoinRequest, store: CredentialStore, session: ClusterSession): Promise<JoinOutcome> {
  const started = Date.now();
  const { namespace: ns, plan } = session;
  const say = (msg: string) => session.progress.step(req.name, msg, req.context);

  // 1. connect
  say(`connecting to context ${req.context}`);
  const m = await session.reach.connect(req.context, session.kube);
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
  if (!installed.deployment && !installed.config) {
    const elsewhere = await propellerElsewhere(m, ns);
    if (elsewhere.length) {
      const p = error(
        `context ${req.context}`,
        `${req.force ? '--force: ' : ''}flytepropeller runs in namespace ${elsewhere.join(', ')}, not in ${ns} (the namespace join acts in, from ${session.namespaceFrom}): FlyteAdmin's ServiceAccount and token belong in the data plane's namespace, and the hub Secret in FlyteAdmin's`,
        `rerun with -n ${elsewhere[0]}${req.force ? '' : ` (or --force to join in ${ns} anyway)`}`,
      );
      if (!req.force) throw new FlytemcError([p], EXIT.failed);
      warnings.push({ ...p, severity: 'warning' });
    }
  }
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? 'check' : 'skip',
    note: !installed.deployment
      ? `not installed yet: install the data plane with --name ${req.name}`
      : identity
        ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)`
        : installed.clusterId === req.name
          ? `reports as cluster ${JSON.stringify(req.name)}`
          : `reports the default cluster id ${JSON.stringify(installed.clusterId || 'propeller')}, which FlyteAdmin accepts`,
  });

  // 3. the data plane's ServiceAccount, RBAC and token Secret
  const needs = req.needs ?? DEFAULT_NEEDS;
  const creation = joinCreation(req.name, { release: req.release ?? 'flyte', namespace: ns });
  const rules = req.rbac === 'minimal' ? { rules: minimalRules(needs), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false };
  if (req.proxy) {
    const identity = req.proxy.proxy.identity;
    say(`ensuring RBAC for ${identity}`);
    await ensureNamespace(m, ns, plan);
    if (identity === `system:serviceaccount:${ns}:${SERVICE_ACCOUNT}`) await ensureServiceAccount(m, ns, creation, plan);
    await ensureClusterRole(m, ns, creation, plan, rules);
    await ensureClusterRoleBinding(m, ns, creation, plan, subjectOf(identity));
    return joinForProxy(req, req.proxy, { m, endpoint, uid, known, warnings, store, session, started });
  }
  say('ensuring ServiceAccount, RBAC and token Secret');
  await ensureNamespace(m, ns, plan);
  await ensureServiceAccount(m, ns, creation, plan);
  await ensureClusterRole(m, ns, creation, plan, rules);
  await ensureClusterRoleBinding(m, ns, creation, plan);
  const tokenSecret = known?.tokenSecret || DEFAULT_TOKEN_SECRET; // after a rotate, the rotated Secret
  const made = await ensureTokenSecret(m, ns, tokenSecret, creation, plan);

  if (made === 'planned') {
    // dry run on a fresh cluster: there is no token to prove or copy yet
    plan.record({
      target: req.context,
      object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      action: 'skip',
      note: 'would wait for the token controller, then prove the token before touching the hub',
    });
    plan.record({
      target: store.target,
      object: `Secret ${ns}/${session.secretName}`,
      action: creds.exists ? 'update' : 'create',
      note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)`,
    });
    return { name: req.name, context: req.context, endpoint, hubChanged: true, warnings, ms: Date.now() - started };
  }

  // 4. the token
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(m, ns, tokenSecret, session.tokenTimeoutMs);

  // 5. prove it, as FlyteAdmin will use it
  say(`proving the token against ${endpoint}`);
  const checks = accessChecks(needs);
  const proof = await session.reach.proveToken(
    endpoint,
    issued.token,
    [
      { source: 'kubeconfig', pem: m.caPem },
      { source: 'ca.crt', pem: issued.caCrt },
    ],
    session.kube.timeoutMs,
    checks,
  );
  if (!proof.result.ok) {
    throw new FlytemcError(
      [
        error(
          `cluster ${req.name} (${endpoint})`,
          `the token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} does not work: ${proof.result.what}`,
          `${proof.result.fix ?? ''}; ${store.short} was not changed`,
        ),
      ],
      EXIT.failed,
    );
  }
  plan.record({
    target: req.context,
    object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
    action: 'check',
    note: `ok: ${proof.result.user ?? 'authenticated'} over TLS verified with the ${proof.source} CA; ${proof.result.permissionsBy ?? 'permissions proven'}`,
  });

  // 6. the hub (or the file)
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record: ClusterRecord = { uid, endpoint, tokenSecret, namespace: ns };
  let hubChanged: boolean;
  try {
    hubChanged = await store.upsert(
      { name: req.name, token: issued.token, caPem: proof.pem, record, ...(known ? { expectTokenSecret: known.tokenSecret } : {}) },
      plan,
      req.context,
    );
  } catch (e) {
    // a concurrent rotate won: a token Secret this run created is held by nothing
    if (e instanceof ConcurrentChange && made === 'created') await deleteTokenSecret(m, ns, tokenSecret, plan, 'the hub holds a newer token');
    throw e;
  }
  say(hubChanged ? (plan.dryRun ? `would update ${store.short}` : 'joined') : 'already joined: nothing changed');
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: proof.source, warnings, ms: Date.now() - started };
}

/**
 * Steps 4 to 6 for a data plane reached through a credential proxy: what can be proven from here
 * (the API server over TLS with the CA the proxy will trust, the identity's permissions by
 * SubjectAccessReview), then only the CA into the hub.
 */
async function joinForProxy(
  req: JoinRequest,
  p: ProxyJoin,
  o: {
    m: Kube;
    endpoint: string;
    uid: string;
    known: ClusterRecord | undefined;
    warnings: Problem[];
    store: CredentialStore;
    session: ClusterSession;
    started: number;
  },
): Promise<JoinOutcome> {
  const { m, endpoint, store, session, warnings } = o;
  const { namespace: ns, plan } = session;
  const say = (msg: string) => session.progress.step(req.name, msg, req.context);
  const where = `cluster ${req.name} (${endpoint})`;
  const caPem = m.caPem;
  if (!caPem)
    throw new FlytemcError(
      [error(where, 'no CA to verify the API server with: the kubeconfig names none', 'add certificate-authority-data to the kubeconfig cluster')],
      EXIT.failed,
    );
  say(`checking ${endpoint} over TLS with the kubeconfig's CA`);
  const reached = await session.reach.reachServer(endpoint, caPem, session.kube.timeoutMs);
  if (!reached.tls)
    throw new FlytemcError(
      [error(where, `the credential proxy could not reach it: ${reached.what}`, `${reached.fix}; ${store.short} was not changed`)],
      EXIT.failed,
    );
  const identity = p.proxy.identity;
  const checks = accessChecks(req.needs ?? DEFAULT_NEEDS);
  say(`asking whether ${identity} may do what FlyteAdmin needs`);
  const denied = await deniedTo(m, identity, checks);
  if (denied.length && !plan.dryRun)
    throw new FlytemcError(
      [
        error(
          where,
          `user ${identity} may not, of what FlyteAdmin needs (${denied.length} of ${checks.length} SubjectAccessReviews denied): ${denied.map((c) => `${c.verb} ${gr(c)}`).join(', ')}`,
          `bind ClusterRole ${clusterRoleName(ns)} to it (join does; was the ClusterRoleBinding changed meanwhile?); ${store.short} was not changed`,
        ),
      ],
      EXIT.failed,
    );
  plan.record({
    target: req.context,
    object: `user ${identity}`,
    action: 'check',
    note: denied.length
      ? 'its permissions are asked (SubjectAccessReview) on the real run, once the binding exists'
      : `may do all ${checks.length} (resource, verb) pairs FlyteAdmin uses (SubjectAccessReviews); the API server verified over TLS with the kubeconfig's CA; credentials: short-lived, from ${p.proxy.exec.command} in FlyteAdmin's pods`,
  });
  if (o.known?.tokenSecret)
    warnings.push(
      warning(
        `${store.where}: ${tokenKey(req.name)}`,
        `${req.name} was joined with a long-lived token (Secret ${ns}/${o.known.tokenSecret} in ${req.context}), which FlyteAdmin reads until the control plane is upgraded with the credential proxy; it stays until then`,
        `after that upgrade, remove the key ${tokenKey(req.name)} from ${store.where} and revoke the token: kubectl --context ${req.context} -n ${ns} delete secret ${o.known.tokenSecret} (flytemc check reports it until then)`,
      ),
    );
  say(`writing ${caKey(req.name)} into ${store.short}`);
  const record: ClusterRecord = { uid: o.uid, endpoint, tokenSecret: o.known?.tokenSecret ?? '', namespace: ns, auth: p.auth };
  const hubChanged = await store.upsert({ name: req.name, caPem, record }, plan, req.context);
  say(hubChanged ? (plan.dryRun ? `would update ${store.short}` : 'joined') : 'already joined: nothing changed');
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: 'kubeconfig', warnings, ms: Date.now() - o.started };
}

interface JoinOptions {
  /** At most this many clusters at once. */
  parallel: number;
  /** The data-plane release that will own what join creates (default flyte). */
  release?: string;
  force: boolean;
  rbac?: 'flyte-core' | 'minimal';
  /** --values: record the clusters and routes in this file's multicluster.clusters. */
  valuesFile?: string;
  /** --restart: roll FlyteAdmin when the hub's Secret changed. */
  restart: boolean;
  /** --secret-out FILE (with --merge): the credentials Secret into a file; the hub is never contacted. */
  secretOut?: { path: string; merge: boolean };
}

interface JoinReport {
  joined: JoinOutcome[];
  /** The problems of the clusters that were not joined. */
  failures: Problem[];
  warnings: Problem[];
  exitCode: number;
  /** The values file recorded the joined clusters (or would, in a dry run). */
  recorded: boolean;
  /** The cluster entries to print as a snippet when there is no values file. */
  entries: ClusterEntry[];
  /** For the clusters joined with --auth: the cloud side, for the operator to run. */
  cloudSide: string[];
  ms: number;
}

/**
 * `flytemc join`: every data plane at once (at most `parallel`), each through steps 1-6 into the
 * hub's Secret or the --secret-out file; a cluster that fails is reported and the others go on.
 * Then, once for all joined: the values file, the Secret file, and the restart of FlyteAdmin.
 */
export async function joinClusters(
  requests: Array<Omit<JoinRequest, 'force' | 'rbac' | 'needs' | 'release'>>,
  o: JoinOptions,
  session: ClusterSession,
): Promise<JoinReport> {
  const { plan, hub, namespace } = session;
  const { needs } = await needsFor(hub, namespace, o.valuesFile);
  const file = o.secretOut
    ? secretFile(
        o.secretOut.path,
        namespace,
        session.secretName,
        o.secretOut.merge,
        requests.map((r) => r.name),
      )
    : undefined;
  const store = file ?? hubStore(hub!, namespace, session.secretName, plan);
  const started = Date.now();
  const results = await mapLimit(requests, o.parallel, (r) =>
    joinCluster({ ...r, force: o.force, needs, ...(o.rbac ? { rbac: o.rbac } : {}), ...(o.release ? { release: o.release } : {}) }, store, session),
  );

  const failures: Problem[] = [];
  let exitCode: number = EXIT.ok;
  const joined = results.flatMap((res, i) => {
    if (res.status === 'fulfilled') return [res.value];
    const e = res.reason;
    if (!(e instanceof FlytemcError)) throw e;
    failures.push(...e.problems);
    exitCode = Math.max(exitCode, e.exitCode === EXIT.invalid ? EXIT.failed : e.exitCode);
    session.progress.step(requests[i]!.name, 'failed');
    return [];
  });

  // the values file, once for every joined cluster
  const warnings: Problem[] = joined.flatMap((j) => j.warnings);
  const entries: ClusterEntry[] = joined.map((j) => {
    const req = requests.find((r) => r.name === j.name)!;
    return { name: j.name, endpoint: j.endpoint, routes: req.routes, ...(req.proxy ? { credentialProxy: req.proxy.proxy } : {}) };
  });
  const cloud = joined.flatMap((j) => {
    const p = requests.find((r) => r.name === j.name)!.proxy;
    return p ? [cloudSide(p, { name: j.name, namespace, clusterRole: clusterRoleName(namespace) })] : [];
  });
  let recorded = false;
  if (o.valuesFile && entries.length) {
    const path = o.valuesFile;
    const edit = await editValuesFile(path, (values) => addClusters(values, entries, path), { dryRun: session.dryRun });
    plan.record({
      target: path,
      object: 'multicluster.clusters',
      action: edit.changed ? (edit.created ? 'create' : 'update') : 'unchanged',
      before: edit.before,
      after: edit.after,
      note: requests.map((r) => r.name).join(', '),
    });
    if (edit.changed && !edit.commentsKept)
      warnings.push(warning(path, 'rewritten as plain YAML: its layout could not be edited in place, so comments were dropped'));
    recorded = edit.changed;
  }

  const hubChanged = joined.some((j) => j.hubChanged);
  // a credential proxy reads its cluster's CA when its pod starts, as FlyteAdmin reads its token files
  const why = requests.some((r) => r.proxy)
    ? 'FlyteAdmin and its credential proxies read the credentials Secret only at start-up'
    : 'FlyteAdmin reads token files only at start-up';
  if (file && joined.length) file.flush(plan);
  if (o.restart && hubChanged && hub) {
    await restartDeployments(hub, namespace, plan, why);
  } else if (hubChanged && !o.restart && joined.length && !session.dryRun && !file) {
    warnings.push(
      warning(
        `hub ${session.hubContext}`,
        why,
        'pass --restart, or helm upgrade the control plane with the recorded values (which restarts it when the cluster list changes)',
      ),
    );
  }
  return { joined, failures, warnings, exitCode, recorded, entries, cloudSide: cloud, ms: Date.now() - started };
}
