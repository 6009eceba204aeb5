// One data plane joined with a long-lived token: identify it, ensure FlyteAdmin's objects, wait for the token, prove it, then write the store.
import { DEFAULT_NEEDS, DEFAULT_TOKEN_SECRET, FLYTEADMIN_RULES, SERVICE_ACCOUNT, accessChecks, minimalRules, type KindNeed } from '../config/rbac.ts';
import type { ProxyJoin } from '../config/workload-identity.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { EXIT, FlytemcError, error, type Problem } from '../problems/problems.ts';
import { ConcurrentChange, refuseDuplicate, type ClusterRecord, type CredentialStore } from './hub.ts';
import { ensureNamespace, type Kube } from './kube.ts';
import { clusterUid, identityProblem, propellerElsewhere, readDataPlane, type Creation } from './member.ts';
import { ensureClusterRole, ensureClusterRoleBinding, ensureServiceAccount, subjectOf } from './member-rbac.ts';
import { deleteTokenSecret, ensureTokenSecret, waitForToken } from './member-token.ts';
import type { CaSource } from './probe.ts';
import type { ClusterSession } from './session.ts';
import { notedIn } from './session.ts';

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
  /** The data-plane release that will own what join creates (`install data-plane --release`). */
  release?: string;
  /** --auth eks|gke|exec: reached through a credential proxy, without a long-lived token. */
  proxy?: ProxyJoin;
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

/** What steps 1 and 2 found: the member, its identity, what the store knows of it. */
export interface Member {
  m: Kube;
  endpoint: string;
  uid: string;
  known: ClusterRecord | undefined;
  storeExists: boolean;
  warnings: Problem[];
  started: number;
}

const ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;

/** The member's API server as FlyteAdmin will reach it: an https URL, without trailing slashes. */
export function checkEndpoint(endpoint: string, where: string): string {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError(
      [
        error(
          { code: 'join.endpoint', subject: where },
          `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`,
          'pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)',
        ),
      ],
      EXIT.invalid,
    );
  }
  return trimSlashes(endpoint);
}

export const progressOf = (req: JoinRequest, session: ClusterSession) => (msg: string) => session.progress.step(req.name, msg, req.context);

/** Refuses (--force: warns about) a member whose flytepropeller runs in another namespace than the one join acts in. */
async function refuseOtherNamespace(req: JoinRequest, m: Kube, session: ClusterSession, warnings: Problem[]): Promise<void> {
  const ns = session.namespace;
  const elsewhere = await propellerElsewhere(m, ns);
  if (!elsewhere.length) return;
  const p = error(
    { code: 'join.namespace', subject: notedIn(session, `context ${req.context}`, req.context) },
    `${req.force ? '--force: ' : ''}flytepropeller runs in namespace ${elsewhere.join(', ')}, not in ${ns} (the namespace join acts in, from ${session.namespaceFrom}): FlyteAdmin's ServiceAccount and token belong in the data plane's namespace, and the hub Secret in FlyteAdmin's`,
    `rerun with -n ${elsewhere[0]}${req.force ? '' : ` (or --force to join in ${ns} anyway)`}`,
  );
  if (!req.force) throw new FlytemcError([p], EXIT.failed);
  warnings.push({ ...p, severity: 'warning' });
}

/** Steps 1 and 2: connect, identify the physical cluster, and refuse a second name or a wrong namespace before changing anything. */
export async function identify(req: JoinRequest, store: CredentialStore, session: ClusterSession): Promise<Member> {
  const started = Date.now();
  const { namespace: ns, plan } = session;
  progressOf(req, session)(`connecting to context ${req.context}`);
  const m = await session.reach.connect(req.context, session.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);
  const uid = await clusterUid(m);
  const creds = await store.read();
  refuseDuplicate(creds.records, req.name, uid, req.context, store.where);
  const warnings: Problem[] = [];
  const installed = await readDataPlane(m, ns);
  const identity = identityProblem(installed, req.name, req.context, req.force === true);
  if (identity?.severity === 'error') throw new FlytemcError([identity], EXIT.failed);
  if (identity) warnings.push(identity);
  if (!installed.deployment && !installed.config) await refuseOtherNamespace(req, m, session, warnings);
  const reports =
    installed.clusterId === req.name
      ? `reports as cluster ${JSON.stringify(req.name)}`
      : `reports the default cluster id ${JSON.stringify(installed.clusterId || 'propeller')}, which FlyteAdmin accepts`;
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? 'check' : 'skip',
    note: !installed.deployment
      ? `not installed yet: install the data plane with --name ${req.name}`
      : identity
        ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)`
        : reports,
  });
  return { m, endpoint, uid, known: creds.records[req.name], storeExists: creds.exists, warnings, started };
}

/** Step 3: the namespace, ServiceAccount (for a proxy, only when it is the proxy's identity), ClusterRole and its binding. */
export async function ensureRbac(req: JoinRequest, m: Kube, session: ClusterSession, creation: Creation): Promise<void> {
  const { namespace: ns, plan } = session;
  const rules = req.rbac === 'minimal' ? { rules: minimalRules(req.needs ?? DEFAULT_NEEDS), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false };
  const identity = req.proxy?.proxy.identity;
  await ensureNamespace(m, ns, plan);
  if (!identity || identity === `system:serviceaccount:${ns}:${SERVICE_ACCOUNT}`) await ensureServiceAccount(m, ns, creation, plan);
  await ensureClusterRole(m, ns, creation, plan, rules);
  await ensureClusterRoleBinding(m, ns, creation, plan, ...(identity ? [subjectOf(identity)] : []));
}

/** A dry run on a fresh cluster: no token to prove or copy yet, so the plan says what the real run does. */
function plannedOnly(req: JoinRequest, member: Member, store: CredentialStore, session: ClusterSession): JoinOutcome {
  const { namespace: ns, plan } = session;
  plan.record({
    target: req.context,
    object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
    action: 'skip',
    note: 'would wait for the token controller, then prove the token before touching the hub',
  });
  plan.record({
    target: store.target,
    object: `Secret ${ns}/${session.secretName}`,
    action: member.storeExists ? 'update' : 'create',
    note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)`,
  });
  return { name: req.name, context: req.context, endpoint: member.endpoint, hubChanged: true, warnings: member.warnings, ms: Date.now() - member.started };
}

/** Step 5: the token proven as FlyteAdmin will use it (TLS verified, authenticated, every permission); refused before the store is touched. */
async function prove(req: JoinRequest, member: Member, token: { token: string; caCrt?: string }, store: CredentialStore, session: ClusterSession) {
  const { namespace: ns, plan } = session;
  const { m, endpoint } = member;
  progressOf(req, session)(`proving the token against ${endpoint}`);
  const cas = [
    { source: 'kubeconfig' as const, pem: m.caPem },
    { source: 'ca.crt' as const, pem: token.caCrt },
  ];
  const proof = await session.reach.proveToken(endpoint, token.token, cas, session.kube.timeoutMs, accessChecks(req.needs ?? DEFAULT_NEEDS));
  if (!proof.result.ok) {
    throw new FlytemcError(
      [
        error(
          { code: 'join.token', subject: `cluster ${req.name} (${endpoint})` },
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
  return proof;
}

/** Says how the store ended; returns whether it changed. */
export function sayStored(req: JoinRequest, session: ClusterSession, store: CredentialStore, changed: boolean): boolean {
  progressOf(req, session)(changed ? (session.plan.dryRun ? `would update ${store.short}` : 'joined') : 'already joined: nothing changed');
  return changed;
}

/** Steps 3 to 6 with a long-lived token: the token Secret, its token waited for and proven, then written into the store. */
export async function joinWithToken(
  req: JoinRequest,
  member: Member,
  store: CredentialStore,
  session: ClusterSession,
  creation: Creation,
): Promise<JoinOutcome> {
  const { namespace: ns, plan } = session;
  const say = progressOf(req, session);
  say('ensuring ServiceAccount, RBAC and token Secret');
  await ensureRbac(req, member.m, session, creation);
  const tokenSecret = member.known?.tokenSecret || DEFAULT_TOKEN_SECRET; // after a rotate, the rotated Secret
  const made = await ensureTokenSecret(member.m, ns, tokenSecret, creation, plan);
  if (made === 'planned') return plannedOnly(req, member, store, session);

  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(member.m, ns, tokenSecret, session.tokenTimeoutMs);
  const proof = await prove(req, member, issued, store, session);

  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record: ClusterRecord = { uid: member.uid, endpoint: member.endpoint, tokenSecret, namespace: ns };
  const expect = member.known ? { expectTokenSecret: member.known.tokenSecret } : {};
  let changed: boolean;
  try {
    changed = await store.upsert({ name: req.name, token: issued.token, caPem: proof.pem, record, ...expect }, plan, req.context);
  } catch (e) {
    // a concurrent rotate won: a token Secret this run created is held by nothing
    if (e instanceof ConcurrentChange && made === 'created') await deleteTokenSecret(member.m, ns, tokenSecret, plan, 'the hub holds a newer token');
    throw e;
  }
  const hubChanged = sayStored(req, session, store, changed);
  return {
    name: req.name,
    context: req.context,
    endpoint: member.endpoint,
    hubChanged,
    caSource: proof.source,
    warnings: member.warnings,
    ms: Date.now() - member.started,
  };
}
