// Steps 3-4 of rotate (`rotate --finish`): FlyteAdmin's pods restarted and rolled out on the new token, then each retired token revoked and seen rejected.
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { SERVICE_ACCOUNT } from '../config/rbac.ts';
import { editCredentials, readCredentials, type ClusterRecord } from './hub.ts';
import type { Kube } from './kube.ts';
import { deleteTokenSecret, listTokenSecrets } from './member-token.ts';
import { describeRollout, flyteadminDeployments, restartDeployments, restartedAt, waitForRollout } from './rollout.ts';
import { stopped } from './plan.ts';
import type { ClusterSession } from './session.ts';

export interface RotateRequest {
  context: string;
  name: string;
  /** Restart flyteadmin and syncresources (--no-restart: the operator does, then runs --finish). */
  restart: boolean;
  /** Only steps 3-4: finish a rotation whose old token is still valid. */
  finish: boolean;
  /** How long to wait for the API server to reject the old token. */
  revokeTimeoutMs: number;
  /** How long to wait for the rollout of flyteadmin and syncresources. */
  rolloutTimeoutMs: number;
  /** How often to look at the rollout (tests: shorter). */
  pollMs?: number;
}

export interface RotateOutcome {
  /** The Secret whose token the hub now holds. */
  newSecret?: string;
  /** The token Secrets deleted (revoked) by this run. */
  revoked: string[];
  /** The Deployments of FlyteAdmin whose rollout this run waited for (none: no FlyteAdmin in the namespace). */
  rolledOut: string[];
  /** Why old tokens were kept valid, when they were (then `finish` is the command that revokes them). */
  kept?: string;
  /** The command that finishes the rotation. */
  finish: string;
  oldTokenRejectedAfterMs?: number;
  warnings: Problem[];
}

export type HubSession = ClusterSession & { hub: Kube };
type Retiring = NonNullable<ClusterRecord['retiring']>;

const secrets = (ns: string, rs: Retiring) => rs.map((r) => `${ns}/${r.secret}`).join(', ');

/** Waits for the rollout of `deployments`; one not done in time (or failed) stops the rotation with the old token still valid. */
async function rolledOut(req: RotateRequest, session: HubSession, deployments: string[]): Promise<void> {
  const { namespace: ns, hub, plan } = session;
  const object = `Deployment ${deployments.map((n) => `${ns}/${n}`).join(', ')}`;
  if (plan.dryRun) {
    plan.record({ target: `hub ${hub.context}`, object, action: 'check', note: 'would wait for the rollout' });
    return;
  }
  session.progress.step(req.name, `waiting for the rollout of ${deployments.join(', ')}`, req.context);
  const states = await waitForRollout(hub, ns, deployments, req.rolloutTimeoutMs, undefined, req.pollMs);
  const open = states.filter((s) => !s.done);
  if (open.length) {
    const code = open.some((s) => s.failed) ? 'rotate.rollout-failed' : 'rotate.rollout-timeout';
    throw new FlytemcError(
      [
        error(
          { code, subject: `hub ${hub.context}` },
          code === 'rotate.rollout-failed'
            ? `the rollout failed: ${describeRollout(ns, open)}`
            : `the rollout did not finish within ${Math.round(req.rolloutTimeoutMs / 1000)} s: ${describeRollout(ns, open)}`,
          `see \`kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0]!.name}\``,
        ),
      ],
      EXIT.failed,
    );
  }
  plan.record({ target: `hub ${hub.context}`, object, action: 'check', note: 'rolled out: every pod started after the hub got the new token' });
}

/**
 * Step 3: every pod of flyteadmin and syncresources started after the hub got the newer token
 * (restarted unless --no-restart, then the rollout waited for). Returns the Deployments, or the
 * reason the old tokens stay valid (--no-restart with pods not restarted since).
 */
async function podsOnNewToken(req: RotateRequest, session: HubSession, retiring: Retiring): Promise<{ deployments: string[]; kept?: string }> {
  const { namespace: ns, hub, plan } = session;
  const since = retiring.map((r) => r.since).sort((a, b) => Date.parse(b) - Date.parse(a))[0]!;
  const deps = await flyteadminDeployments(hub, ns);
  const deployments = deps.map((d) => d.metadata!.name!);
  const stale = deps
    .filter((d) => {
      const at = restartedAt(d);
      // strictly after: a restart stamped in the same millisecond may have come before the hub write
      return !at || Date.parse(at) <= Date.parse(since);
    })
    .map((d) => d.metadata!.name!);
  if (stale.length && !req.restart) {
    const one = stale.length === 1;
    const kept = `Deployment ${stale.map((n) => `${ns}/${n}`).join(', ')} ${one ? 'has' : 'have'} not restarted since the hub got the new token: ${one ? 'its' : 'their'} pods may hold the old token, so it stays valid`;
    plan.record({ target: req.context, object: `Secret ${secrets(ns, retiring)}`, action: 'skip', note: `kept valid: ${kept}` });
    return { deployments, kept };
  }
  if (stale.length) await restartDeployments(hub, ns, plan, 'read the new token', stale);
  if (deployments.length) await rolledOut(req, session, deployments);
  return { deployments };
}

/** Step 4: each retired Secret deleted (never the one whose token the hub holds), then the record cleared; returns what was revoked. */
async function revoke(
  req: RotateRequest,
  session: HubSession,
  m: Kube,
  o: { retiring: Retiring; hubToken?: string; deployments: string[]; revoked: Array<{ secret: string; token?: string }> },
): Promise<void> {
  const { namespace: ns, secretName, hub, plan } = session;
  const tokens = new Map((await listTokenSecrets(m, ns)).map((s) => [s.name, s.token]));
  const note = o.deployments.length
    ? 'revokes the old token: every pod of FlyteAdmin holds the new one'
    : `revokes the old token: no Deployment of FlyteAdmin in ${ns} holds it`;
  for (const r of o.retiring) {
    const token = tokens.get(r.secret);
    if (token !== undefined && token === o.hubToken) continue; // never the token the hub holds
    session.progress.step(req.name, `deleting Secret ${ns}/${r.secret}`, req.context);
    await deleteTokenSecret(m, ns, r.secret, plan, note);
    o.revoked.push({ secret: r.secret, ...(token ? { token } : {}) });
  }
  const gone = new Set(o.revoked.map((r) => r.secret));
  await editCredentials(hub, ns, secretName, plan, `${req.name}: retired token Secrets revoked`, (_data, records) => {
    const cur = records[req.name];
    if (!cur?.retiring) return;
    const left = cur.retiring.filter((r) => !gone.has(r.secret));
    const { retiring: _, ...rest } = cur;
    records[req.name] = (left.length ? { ...rest, retiring: left } : rest) as ClusterRecord;
  });
}

/** The revoked tokens, as the API server sees them now: rejected (recorded), not verifiable (a warning), or still accepted (refused). */
async function verifyRejected(
  req: RotateRequest,
  session: HubSession,
  m: Kube,
  o: { endpoint: string; ca?: string; revoked: Array<{ secret: string; token?: string }>; out: RotateOutcome },
) {
  const { namespace: ns, plan } = session;
  for (const r of o.revoked) {
    if (!r.token || !o.ca) continue;
    session.progress.step(req.name, 'verifying that the old token is rejected', req.context);
    const dead = await session.reach.untilRejected(o.endpoint, r.token, o.ca, session.kube.timeoutMs, req.revokeTimeoutMs);
    if (dead.rejectedAfterMs !== undefined) {
      const note = `rejected by the API server (401) after ${(dead.rejectedAfterMs / 1000).toFixed(1)} s`;
      plan.record({ target: o.endpoint, object: `old token (Secret ${ns}/${r.secret})`, action: 'check', note });
      o.out.oldTokenRejectedAfterMs = Math.max(o.out.oldTokenRejectedAfterMs ?? 0, dead.rejectedAfterMs);
      continue;
    }
    if (dead.unverified) {
      o.out.warnings.push(
        warning({ code: 'rotate.unverified', subject: o.endpoint }, `could not verify that the old token is rejected: ${dead.unverified}`, 'check it by hand'),
      );
      continue;
    }
    const holder = (await listTokenSecrets(m, ns)).find((s) => s.token === r.token);
    throw new FlytemcError(
      [
        error(
          { code: 'rotate.still-accepted', subject: o.endpoint },
          `the old token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} is still accepted ${Math.round(req.revokeTimeoutMs / 1000)} s after its Secret was deleted${holder ? ` (Secret ${ns}/${holder.name} holds the same token)` : ''}`,
          holder
            ? `delete Secret ${ns}/${holder.name} in context ${req.context}`
            : 'the API server may not look up legacy token Secrets (--service-account-lookup=false): delete and recreate ServiceAccount flyteadmin, then rejoin',
        ),
      ],
      EXIT.failed,
    );
  }
}

/**
 * Steps 3 and 4 for every token Secret the record lists as retiring: every pod of FlyteAdmin
 * started after the hub got the newer token, then each retired Secret deleted, its token seen
 * rejected, and the record cleared. `before` says what was done, for a failure of the first read.
 */
export async function finishRotation(req: RotateRequest, session: HubSession, m: Kube, finish: string, before: string): Promise<RotateOutcome> {
  const { namespace: ns, secretName, hub, plan } = session;
  const creds = await readCredentials(hub, ns, secretName).catch((e: unknown) => {
    throw stopped(e, before, `run ${finish}`);
  });
  const record = creds.records[req.name];
  const current = record?.tokenSecret;
  const retiring = (record?.retiring ?? []).filter((r) => r.secret !== current);
  const out: RotateOutcome = { ...(current ? { newSecret: current } : {}), revoked: [], rolledOut: [], finish, warnings: [] };
  if (!record || !retiring.length) {
    plan.record({ target: req.context, object: 'retired token Secrets', action: 'unchanged', note: 'none left to revoke' });
    return out;
  }
  const done = `the hub holds the token of Secret ${ns}/${current}; the old token (Secret ${secrets(ns, retiring)}) is still valid, so FlyteAdmin works`;
  const pods = await podsOnNewToken(req, session, retiring).catch((e: unknown) => {
    throw stopped(e, done, `once the pods of FlyteAdmin are ready, run ${finish}`);
  });
  if (pods.kept) return { ...out, kept: pods.kept };
  const revoked: Array<{ secret: string; token?: string }> = [];
  const hubToken = creds.data[tokenKey(req.name)];
  await revoke(req, session, m, { retiring, ...(hubToken ? { hubToken } : {}), deployments: pods.deployments, revoked }).catch((e: unknown) => {
    throw stopped(e, `${done}${revoked.length ? ` (deleted: Secret ${revoked.map((r) => r.secret).join(', ')})` : ''}`, `run ${finish}`);
  });
  out.revoked = revoked.map((r) => r.secret);
  out.rolledOut = pods.deployments;
  if (plan.dryRun) return out;
  const ca = creds.data[caKey(req.name)];
  await verifyRejected(req, session, m, { endpoint: record.endpoint, ...(ca ? { ca } : {}), revoked, out });
  return out;
}
