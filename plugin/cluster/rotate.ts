// `flytemc rotate`: a new token without a moment where FlyteAdmin holds a dead one:
//
//   1. create a new token Secret (flyteadmin-token-<suffix>) and wait for its token
//   2. prove it against the endpoint (TLS, authentication, permissions)
//   3. write it into the hub's credentials Secret
//   4. restart flyteadmin and syncresources, so they read it
//   5. delete the old token Secret
//   6. verify with a real request that the old token is now rejected
import { randomBytes } from 'node:crypto';
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { DEFAULT_TOKEN_SECRET, SERVICE_ACCOUNT } from '../config/rbac.ts';
import { readCredentials, restartDeployments, upsertCredentials } from './hub.ts';
import { connect, type Kube } from './kube.ts';
import { clusterUid, deleteTokenSecret, ensureTokenSecret, listTokenSecrets, waitForToken } from './member.ts';
import { proveToken, untilRejected } from './probe.ts';
import type { ClusterSession } from './session.ts';

interface RotateRequest {
  context: string;
  name: string;
  restart: boolean;
  /** How long to wait for the API server to reject the old token. */
  revokeTimeoutMs: number;
}

interface RotateOutcome {
  oldSecret: string;
  newSecret: string;
  oldTokenRejectedAfterMs?: number;
  warnings: Problem[];
}

const suffix = () => {
  const abc = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => abc[b % abc.length]).join('');
};

export async function rotateCluster(req: RotateRequest, session: ClusterSession & { hub: Kube }): Promise<RotateOutcome> {
  const { namespace: ns, secretName, hub, plan } = session;
  const say = (msg: string) => session.progress.step(req.name, msg, req.context);
  const warnings: Problem[] = [];

  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  const oldToken = creds.data[tokenKey(req.name)];
  if (!record || !oldToken) {
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context} Secret ${ns}/${secretName}`,
          `has no joined cluster ${JSON.stringify(req.name)}`,
          `join it first: flytemc join ${req.context} --name ${req.name} --kube-context ${hub.context}`,
        ),
      ],
      EXIT.invalid,
    );
  }
  const m = await connect(req.context, session.kube);
  const uid = await clusterUid(m);
  if (uid !== record.uid) {
    throw new FlytemcError(
      [
        error(
          `context ${req.context}`,
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          'name the context of that cluster',
        ),
      ],
      EXIT.invalid,
    );
  }
  // the old Secret: the recorded one, or the one whose token the hub holds
  let oldSecret = record.tokenSecret;
  const secrets = await listTokenSecrets(m, ns);
  const holder = secrets.find((s) => s.token === oldToken);
  if (holder) oldSecret = holder.name;
  const newSecret = `${DEFAULT_TOKEN_SECRET}-${suffix()}`;

  // 1. new token
  say(`creating Secret ${ns}/${newSecret}`);
  const created = await ensureTokenSecret(m, ns, newSecret, req.name, plan);
  if (!created) {
    plan.record({
      target: `hub ${hub.context}`,
      object: `Secret ${ns}/${secretName}`,
      action: 'update',
      note: `new ${tokenKey(req.name)} (and ${caKey(req.name)}), once issued`,
    });
    if (req.restart) plan.record({ target: `hub ${hub.context}`, object: `Deployments ${ns}/flyteadmin, syncresources`, action: 'restart' });
    plan.record({ target: req.context, object: `Secret ${ns}/${oldSecret}`, action: 'delete', note: 'revokes the old token' });
    plan.record({ target: record.endpoint, object: 'old token', action: 'check', note: 'would verify that the API server rejects it' });
    return { oldSecret, newSecret, warnings };
  }
  const issued = await waitForToken(m, ns, newSecret, session.tokenTimeoutMs);

  // 2. prove it
  say('proving the new token');
  const proof = await proveToken(
    record.endpoint,
    issued.token,
    [
      { source: 'hub', pem: creds.data[caKey(req.name)] },
      { source: 'kubeconfig', pem: m.caPem },
      { source: 'ca.crt', pem: issued.caCrt },
    ],
    session.kube.timeoutMs,
  );
  if (!proof.result.ok) {
    await deleteTokenSecret(m, ns, newSecret, plan, 'the new token does not work; the hub keeps the old one');
    throw new FlytemcError(
      [
        error(
          `cluster ${req.name} (${record.endpoint})`,
          `the new token does not work: ${proof.result.what}`,
          `${proof.result.fix ?? ''}; nothing else was changed`,
        ),
      ],
      EXIT.failed,
    );
  }
  plan.record({
    target: req.context,
    object: `token in Secret ${ns}/${newSecret}`,
    action: 'check',
    note: `ok: ${proof.result.user ?? 'authenticated'}, all permissions`,
  });

  // 3. hub
  say('updating the hub');
  await upsertCredentials(
    hub,
    ns,
    secretName,
    { name: req.name, token: issued.token, caPem: proof.pem, record: { ...record, tokenSecret: newSecret } },
    plan,
    req.context,
  );

  // 4. restart
  if (req.restart) await restartDeployments(hub, ns, plan, 'read the new token');
  else
    warnings.push(
      warning(
        `hub ${hub.context}`,
        'not restarted (--no-restart): FlyteAdmin keeps using the old token, which is revoked now',
        'restart flyteadmin and syncresources right away',
      ),
    );

  // 5. delete the old Secret
  say(`deleting Secret ${ns}/${oldSecret}`);
  if (oldSecret !== newSecret) await deleteTokenSecret(m, ns, oldSecret, plan, 'revokes the old token');

  // 6. verify, with a real request, that the old token is dead
  say('verifying that the old token is rejected');
  const dead = await untilRejected(record.endpoint, oldToken, proof.pem, session.kube.timeoutMs, req.revokeTimeoutMs);
  if (dead.rejectedAfterMs !== undefined) {
    plan.record({
      target: record.endpoint,
      object: 'old token',
      action: 'check',
      note: `rejected by the API server (401) after ${(dead.rejectedAfterMs / 1000).toFixed(1)} s`,
    });
    return { oldSecret, newSecret, oldTokenRejectedAfterMs: dead.rejectedAfterMs, warnings };
  }
  if (dead.unverified) {
    warnings.push(warning(record.endpoint, `could not verify that the old token is rejected: ${dead.unverified}`, 'check it by hand'));
    return { oldSecret, newSecret, warnings };
  }
  const holderNow = (await listTokenSecrets(m, ns)).find((s) => s.token === oldToken);
  throw new FlytemcError(
    [
      error(
        record.endpoint,
        `the old token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} is still accepted ${Math.round(req.revokeTimeoutMs / 1000)} s after its Secret was deleted${holderNow ? ` (Secret ${ns}/${holderNow.name} holds the same token)` : ''}`,
        holderNow
          ? `delete Secret ${ns}/${holderNow.name} in context ${req.context}`
          : 'the API server may not look up legacy token Secrets (--service-account-lookup=false): delete and recreate ServiceAccount flyteadmin, then rejoin',
      ),
    ],
    EXIT.failed,
  );
}
