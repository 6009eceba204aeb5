// `flytemc rotate`: a new token for a data plane without a moment where FlyteAdmin holds a dead one.
import { randomBytes } from 'node:crypto';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { DEFAULT_TOKEN_SECRET } from '../config/rbac.ts';
import { self } from '../cli/shell.ts';
import { ConcurrentChange, editCredentials, joinedElsewhere, readCredentials } from './hub.ts';
import type { Kube } from './kube.ts';
import { clusterUid, rotateCreation } from './member.ts';
import { deleteTokenSecret, ensureTokenSecret, listTokenSecrets, waitForToken } from './member-token.ts';
import { formatPlan, stopped } from './plan.ts';
import { notedIn } from './session.ts';
import { finishRotation, type HubSession, type RotateOutcome, type RotateRequest } from './rotate-finish.ts';

type CredentialsSecret = Awaited<ReturnType<typeof readCredentials>>;

const suffix = () => {
  const abc = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => abc[b % abc.length]).join('');
};

/** What a rotation knows once it has looked: the hub's credentials, the member, the Secrets old and new, and the commands to go on. */
interface Rotation {
  req: RotateRequest;
  session: HubSession;
  creds: CredentialsSecret;
  m: Kube;
  oldSecret: string;
  newSecret: string;
  finish: string;
  rerun: string;
}

const UNCHANGED = 'the hub keeps the old token, which works: FlyteAdmin is not affected';
const afterWrite = (ns: string, secret: string) =>
  `the hub holds the new token (Secret ${ns}/${secret}); the old token is not revoked, so FlyteAdmin works with either`;

/**
 * `flytemc rotate`: a new token for a data plane without a moment where FlyteAdmin holds a dead one.
 *
 *   1. a new token Secret (flyteadmin-token-<suffix>), its token issued and proven (TLS,
 *      authentication, permissions)
 *   2. the hub's credentials Secret updated with a compare-and-swap on the token it replaces (a
 *      concurrent rotate or join loses nothing; the loser deletes the Secret it created), the old
 *      token Secret recorded as retiring
 *   3. flyteadmin and syncresources restarted, their rollout waited for (observed generation,
 *      updated and available replicas; --rollout-timeout)
 *   4. only then the old token Secret deleted (which revokes the token), the old token seen
 *      rejected by a real request, and the record cleared
 *
 * Steps 3-4 are `rotate --finish` (rotate-finish.ts), which can be run again at any time: with
 * --no-restart, after a rollout that did not finish in time, or after a failure past step 2, the
 * old token stays valid and the message names that command. A failure before step 2 deletes the
 * new Secret: then nothing has changed.
 */
export async function rotateCluster(req: RotateRequest, session: HubSession): Promise<RotateOutcome> {
  const { namespace: ns, hub, plan } = session;
  const finish = `${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} --finish`;
  const rerun = `rerun: ${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns}${req.restart ? '' : ' --no-restart'}`;
  const { creds, m } = await look(req, session).catch((e: unknown) => {
    throw e instanceof FlytemcError && e.exitCode === EXIT.invalid ? e : stopped(e, 'nothing was changed', rerun);
  });
  if (req.finish) return finishRotation(req, session, m, finish, 'nothing was changed');
  // the old Secret: the one whose token the hub holds, else the recorded one
  const oldToken = creds.data[tokenKey(req.name)]!;
  const oldSecret = await listTokenSecrets(m, ns)
    .then((all) => all.find((s) => s.token === oldToken)?.name ?? creds.records[req.name]!.tokenSecret)
    .catch((e: unknown) => {
      throw stopped(e, 'nothing was changed', rerun);
    });
  const r: Rotation = { req, session, creds, m, oldSecret, newSecret: `${DEFAULT_TOKEN_SECRET}-${suffix()}`, finish, rerun };

  // 1. the new token Secret
  session.progress.step(req.name, `creating Secret ${ns}/${r.newSecret}`, req.context);
  const made = await ensureTokenSecret(m, ns, r.newSecret, rotateCreation(req.name), plan).catch(async (e: unknown) => {
    throw stopped(e, `${UNCHANGED}${await discard(m, ns, r.newSecret, plan)}`, rerun);
  });
  if (made === 'planned') return planned(r);
  return issueAndSwap(r);
}

/** A dry run: what the real run would write, restart and revoke. */
function planned(r: Rotation): RotateOutcome {
  const { req, session, finish } = r;
  const { namespace: ns, hub, plan, secretName } = session;
  const target = `hub ${hub.context}`;
  const note = `new ${tokenKey(req.name)} (and ${caKey(req.name)}), once issued and proven; only if it still holds the token it replaces`;
  plan.record({ target, object: `Secret ${ns}/${secretName}`, action: 'update', note });
  if (req.restart) plan.record({ target, object: `Deployments ${ns}/flyteadmin, syncresources`, action: 'restart', note: 'then waits for the rollout' });
  plan.record({
    target: req.context,
    object: `Secret ${ns}/${r.oldSecret}`,
    action: 'delete',
    note: req.restart ? 'revokes the old token, once every pod of FlyteAdmin holds the new one' : `kept valid until ${finish}`,
  });
  return { newSecret: r.newSecret, revoked: [], rolledOut: [], finish, warnings: [] };
}

/** Steps 1 (the token issued and proven) and 2 (the hub's compare-and-swap), then 3-4; a failure says what stands and how to go on. */
async function issueAndSwap(r: Rotation): Promise<RotateOutcome> {
  const { req, session, m, newSecret } = r;
  const { namespace: ns, hub, secretName } = session;
  const writing = { started: false };
  try {
    const issued = await proveNew(r);
    session.progress.step(req.name, 'updating the hub', req.context);
    writing.started = true;
    await swap(r, issued);
  } catch (e) {
    if (writing.started && !(e instanceof ConcurrentChange)) {
      // did the write land before the failure? Only the hub can say.
      const holds = await readCredentials(hub, ns, secretName).then(
        (c) => c.records[req.name]?.tokenSecret === newSecret,
        () => undefined,
      );
      if (holds === true) return finishRotation(req, session, m, r.finish, afterWrite(ns, newSecret));
      if (holds === undefined)
        throw stopped(
          e,
          `could not tell whether the hub took the new token (Secret ${ns}/${newSecret}); the old token is not revoked, so FlyteAdmin works either way`,
          `once the hub answers, run ${r.finish}: it revokes the old token if the hub holds the new one; if the hub still holds the old one, delete Secret ${ns}/${newSecret} in context ${req.context} instead`,
        );
    }
    const keeps = e instanceof ConcurrentChange ? 'the hub keeps the token the other writer put there, which works' : UNCHANGED;
    throw stopped(e, `${keeps}${await discard(m, ns, newSecret, session.plan)}`, `${r.rerun} (if a new token is still wanted)`);
  }
  return finishRotation(req, session, m, r.finish, afterWrite(ns, newSecret));
}

/** Step 1: the new token, waited for and proven against the recorded endpoint with the CAs the hub, the kubeconfig and the Secret give. */
async function proveNew(r: Rotation): Promise<{ token: string; pem: string }> {
  const { req, session, creds, m, newSecret } = r;
  const { namespace: ns, plan } = session;
  const record = creds.records[req.name]!;
  const issued = await waitForToken(m, ns, newSecret, session.tokenTimeoutMs);
  session.progress.step(req.name, 'proving the new token', req.context);
  const cas = [
    { source: 'hub' as const, pem: creds.data[caKey(req.name)] },
    { source: 'kubeconfig' as const, pem: m.caPem },
    { source: 'ca.crt' as const, pem: issued.caCrt },
  ];
  const proof = await session.reach.proveToken(record.endpoint, issued.token, cas, session.kube.timeoutMs);
  if (!proof.result.ok)
    throw new FlytemcError(
      [
        error(
          { code: 'rotate.token', subject: `cluster ${req.name} (${record.endpoint})` },
          `the new token does not work: ${proof.result.what}`,
          proof.result.fix,
        ),
      ],
      EXIT.failed,
    );
  plan.record({
    target: req.context,
    object: `token in Secret ${ns}/${newSecret}`,
    action: 'check',
    note: `ok: ${proof.result.user ?? 'authenticated'}, all permissions`,
  });
  return { token: issued.token, pem: proof.pem };
}

/** Step 2: the hub takes the new token only while it still holds the old one; the old Secret is recorded as retiring. */
async function swap(r: Rotation, issued: { token: string; pem: string }): Promise<void> {
  const { req, session, creds, oldSecret, newSecret } = r;
  const { namespace: ns, secretName, hub, plan } = session;
  const oldToken = creds.data[tokenKey(req.name)];
  const note = `new ${tokenKey(req.name)}, ${caKey(req.name)}; Secret ${ns}/${oldSecret} retiring`;
  await editCredentials(hub, ns, secretName, plan, note, (data, records) => {
    const cur = records[req.name];
    if (!cur || data[tokenKey(req.name)] !== oldToken) {
      const message = cur
        ? `${req.name}'s token changed while this rotate ran (a concurrent rotate or join): this one's new token was not written`
        : `${req.name} was unjoined while this rotate ran: its new token was not written`;
      throw new ConcurrentChange([error({ code: 'rotate.concurrent', subject: `hub ${hub.context} Secret ${ns}/${secretName}` }, message)], EXIT.failed);
    }
    data[tokenKey(req.name)] = issued.token;
    data[caKey(req.name)] = issued.pem;
    const retiring = (cur.retiring ?? []).filter((x) => x.secret !== oldSecret && x.secret !== newSecret);
    records[req.name] = { ...cur, tokenSecret: newSecret, retiring: [...retiring, { secret: oldSecret, since: new Date().toISOString() }] };
  });
}

/** Refuses a cluster that has no token to rotate here: reached through a credential proxy, or not joined in this namespace. */
async function refuseNoToken(req: RotateRequest, session: HubSession, creds: CredentialsSecret): Promise<void> {
  const { namespace: ns, secretName, hub } = session;
  const record = creds.records[req.name];
  const subject = `hub ${hub.context} Secret ${ns}/${secretName}`;
  if (record?.auth && !creds.data[tokenKey(req.name)])
    throw new FlytemcError(
      [
        error(
          { code: 'rotate.proxy', subject },
          `${req.name} is reached through its credential proxy with short-lived credentials (joined with --auth ${record.auth}): there is no long-lived token to rotate`,
          "nothing to do: the proxy renews its credentials itself; to cut them off at once, revoke them in the cloud (the pods' role or workload-identity binding)",
        ),
      ],
      EXIT.invalid,
    );
  if (record && creds.data[tokenKey(req.name)]) return;
  const elsewhere = await joinedElsewhere(hub, secretName, req.name, ns);
  const there = elsewhere.length ? ` (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(', ')} has it` : '';
  throw new FlytemcError(
    [
      error(
        { code: 'rotate.not-joined', subject },
        `has no joined cluster ${JSON.stringify(req.name)}${there}`,
        elsewhere.length
          ? `rerun with -n ${elsewhere[0]}`
          : `join it first: ${self()} join ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} (or name the namespace it was joined in with -n)`,
      ),
    ],
    EXIT.invalid,
  );
}

/** The hub's credentials and record of the cluster, and the member, checked to be the cluster joined under that name. */
async function look(req: RotateRequest, session: HubSession): Promise<{ creds: CredentialsSecret; m: Kube }> {
  const creds = await readCredentials(session.hub, session.namespace, session.secretName);
  await refuseNoToken(req, session, creds);
  const record = creds.records[req.name]!;
  const m = await session.reach.connect(req.context, session.kube);
  const uid = await clusterUid(m);
  if (uid !== record.uid)
    throw new FlytemcError(
      [
        error(
          { code: 'rotate.other-cluster', subject: notedIn(session, `context ${req.context}`, req.context) },
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          'name the context of that cluster',
        ),
      ],
      EXIT.invalid,
    );
  return { creds, m };
}

/** Deletes the new token Secret after a failure before the hub held it: `; Secret … deleted`, or how to delete it. */
async function discard(m: Kube, ns: string, secret: string, plan: HubSession['plan']): Promise<string> {
  if (plan.dryRun) return '';
  try {
    await deleteTokenSecret(m, ns, secret, plan, 'the hub never held its token');
    return `; the new Secret ${ns}/${secret} was deleted again`;
  } catch {
    return `; the new Secret ${ns}/${secret}, which nothing holds, could not be deleted: kubectl --context ${m.context} -n ${ns} delete secret ${secret}`;
  }
}

/** What rotate prints: the plan (a diff in a dry run), then where the rotation stands and, when the old token was kept, how to finish. */
export function rotateSummary(out: RotateOutcome, req: Pick<RotateRequest, 'context' | 'name'>, session: HubSession): string {
  const { namespace: ns, hubContext, plan } = session;
  const dry = plan.dryRun;
  const who = notedIn(session, req.name, req.context);
  const hub = notedIn(session, `hub ${hubContext}`, hubContext);
  const text = formatPlan(plan.changes, { diff: dry, dryRun: dry });
  if (dry) return `${text}\ndry run: nothing was changed. ${who} would get a new token from Secret ${ns}/${out.newSecret}\n`;
  if (out.kept)
    return `${text}\n${who}: ${hub} holds the token of Secret ${ns}/${out.newSecret}; the old token stays valid: ${out.kept}.\nOnce flyteadmin and syncresources have restarted (kubectl --context ${hubContext} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources), revoke it:\n  ${out.finish}\n`;
  if (!out.revoked.length) return `${text}\n${who}: nothing to finish: ${hub} holds the token of Secret ${ns}/${out.newSecret} and no retired token is left\n`;
  const pods = out.rolledOut.length ? 'every pod of FlyteAdmin started after that' : `no FlyteAdmin runs in ${ns} to restart`;
  const rejected = out.oldTokenRejectedAfterMs !== undefined ? ' and its token rejected by the API server' : '';
  return `${text}\nrotated ${who}: ${hub} holds the token of Secret ${ns}/${out.newSecret}; ${pods}; Secret ${out.revoked.map((s) => `${ns}/${s}`).join(', ')} deleted${rejected}\n`;
}
