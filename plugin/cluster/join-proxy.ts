// One data plane joined through a credential proxy (--auth eks|gke|exec): the API server and the proxy identity's permissions proven, only the CA into the store.
import { DEFAULT_NEEDS, accessChecks, clusterRoleName, gr } from '../config/rbac.ts';
import type { ProxyJoin } from '../config/workload-identity.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { EXIT, FlytemcError, error, warning, type Problem } from '../problems/problems.ts';
import type { ClusterRecord, CredentialStore } from './hub.ts';
import { deniedTo, type Creation } from './member.ts';
import type { ClusterSession } from './session.ts';
import { ensureRbac, progressOf, sayStored, type JoinOutcome, type JoinRequest, type Member } from './join-member.ts';

/** The API server, over TLS with the CA the proxy will trust (the kubeconfig's); returns that CA. */
async function reachWithCa(req: JoinRequest, member: Member, store: CredentialStore, session: ClusterSession): Promise<string> {
  const { m, endpoint } = member;
  const subject = `cluster ${req.name} (${endpoint})`;
  const caPem = m.caPem;
  if (!caPem)
    throw new FlytemcError(
      [
        error(
          { code: 'join.proxy-ca', subject },
          'no CA to verify the API server with: the kubeconfig names none',
          'add certificate-authority-data to the kubeconfig cluster',
        ),
      ],
      EXIT.failed,
    );
  progressOf(req, session)(`checking ${endpoint} over TLS with the kubeconfig's CA`);
  const reached = await session.reach.reachServer(endpoint, caPem, session.kube.timeoutMs);
  if (!reached.tls)
    throw new FlytemcError(
      [
        error(
          { code: 'join.proxy-unreachable', subject },
          `the credential proxy could not reach it: ${reached.what}`,
          `${reached.fix}; ${store.short} was not changed`,
        ),
      ],
      EXIT.failed,
    );
  return caPem;
}

/** What the proxy's identity may do, by SubjectAccessReview (flytemc cannot act as the pod's identity); a dry run only notes what is missing. */
async function checkIdentity(req: JoinRequest, p: ProxyJoin, member: Member, store: CredentialStore, session: ClusterSession): Promise<void> {
  const { namespace: ns, plan } = session;
  const identity = p.proxy.identity;
  const checks = accessChecks(req.needs ?? DEFAULT_NEEDS);
  progressOf(req, session)(`asking whether ${identity} may do what FlyteAdmin needs`);
  const denied = await deniedTo(member.m, identity, checks);
  if (denied.length && !plan.dryRun)
    throw new FlytemcError(
      [
        error(
          { code: 'join.proxy-permissions', subject: `cluster ${req.name} (${member.endpoint})` },
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
}

/** A cluster joined with a token before: FlyteAdmin reads that token until its upgrade, so it stays, and the operator is told when to revoke it. */
function keptToken(req: JoinRequest, known: ClusterRecord, store: CredentialStore, ns: string): Problem {
  return warning(
    { code: 'join.proxy-old-token', subject: `${store.where}: ${tokenKey(req.name)}` },
    `${req.name} was joined with a long-lived token (Secret ${ns}/${known.tokenSecret} in ${req.context}), which FlyteAdmin reads until the control plane is upgraded with the credential proxy; it stays until then`,
    `after that upgrade, remove the key ${tokenKey(req.name)} from ${store.where} and revoke the token: kubectl --context ${req.context} -n ${ns} delete secret ${known.tokenSecret} (flytemc check reports it until then)`,
  );
}

/** Steps 3 to 6 for a data plane reached through a credential proxy: what can be proven from here, then only the CA into the store. */
export async function joinForProxy(
  req: JoinRequest,
  p: ProxyJoin,
  member: Member,
  store: CredentialStore,
  session: ClusterSession,
  creation: Creation,
): Promise<JoinOutcome> {
  const { namespace: ns, plan } = session;
  progressOf(req, session)(`ensuring RBAC for ${p.proxy.identity}`);
  await ensureRbac(req, member.m, session, creation);
  const caPem = await reachWithCa(req, member, store, session);
  await checkIdentity(req, p, member, store, session);
  const { known, warnings } = member;
  if (known?.tokenSecret) warnings.push(keptToken(req, known, store, ns));
  progressOf(req, session)(`writing ${caKey(req.name)} into ${store.short}`);
  const record: ClusterRecord = { uid: member.uid, endpoint: member.endpoint, tokenSecret: known?.tokenSecret ?? '', namespace: ns, auth: p.auth };
  const hubChanged = sayStored(req, session, store, await store.upsert({ name: req.name, caPem, record }, plan, req.context));
  return { name: req.name, context: req.context, endpoint: member.endpoint, hubChanged, caSource: 'kubeconfig', warnings, ms: Date.now() - member.started };
}
