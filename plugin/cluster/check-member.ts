// `flytemc check` through the operator's kubeconfig: the context that reaches each data plane, and the findings from its side.
import { realEndpoint } from '../config/credential-proxy.ts';
import { clusterRoleName, missingByKind } from '../config/rbac.ts';
import type { Storage } from '../config/storage.ts';
import type { ClusterConfig } from '../config/types.ts';
import { FlytemcError } from '../problems/problems.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import type { HubContext } from './check-hub.ts';
import type { GrpcRoutes } from './check-hub-reads.ts';
import { checkPropeller } from './check-propeller.ts';
import { failed, type CheckRow, type Finding } from './check-report.ts';
import type { Kube } from './kube.ts';
import type { KubeOptions } from './kubeconfig.ts';
import { clusterUid, deniedTo } from './member.ts';

/** The operator's kubeconfig contexts and their servers, and how to connect through them. */
export interface MemberOptions {
  contexts: Array<{ name: string; server?: string }>;
  kube: KubeOptions;
}

/** What the member side compares with: the control plane's storage and gRPC routes. */
export interface MemberContext extends HubContext {
  members: MemberOptions;
  storage: Storage | undefined;
  routes: GrpcRoutes | undefined;
}

const norm = (u: string | undefined) => trimSlashes(u ?? '');

/** The context to check a member through: the hub for inCluster; else one whose server is the endpoint (the one named like the cluster first). */
export function memberContext(c: ClusterConfig, hubContext: string, contexts: MemberOptions['contexts']): string | undefined {
  if (c.inCluster) return hubContext;
  const same = contexts.filter((x) => x.server && norm(x.server) === norm(realEndpoint(c)));
  return (same.find((x) => x.name === c.name) ?? same[0])?.name;
}

/** The row with the member's findings added (or a note saying why they are missing). */
export async function withMemberSide(h: MemberContext, row: CheckRow, c: ClusterConfig): Promise<CheckRow> {
  const context = memberContext(c, h.hub.context, h.members.contexts);
  if (!context) {
    const problem = `no context of your kubeconfig reaches ${c.endpoint}: the data plane's side was not checked`;
    const fix = 'add a context for it (its server must be the endpoint above), or pass --hub-only';
    return { ...row, findings: [...row.findings, { check: 'installed', ok: null, problem, fix }] };
  }
  const { findings, tlsVerified } = await memberFindings(h, row, c, context);
  if (findings === 'other cluster') {
    const problem = `context ${context} reaches another cluster than the one joined as ${c.name} (kube-system UID differs): the data plane's side was not checked`;
    return { ...row, memberContext: context, ...tlsNote(tlsVerified), findings: [...row.findings, { check: 'installed', ok: null, problem }] };
  }
  const verdict = failed(findings) ? 'fail' : row.verdict === 'skip' ? 'ok' : row.verdict;
  // the proxied cluster's permissions, asked from the member's side, take the place of the hub's unchecked one
  const access = findings.find((f) => f.check === 'permissions');
  const hubFindings = access ? row.findings.filter((f) => f.check !== 'permissions') : row.findings;
  return {
    ...row,
    ...(access ? { permissions: access.ok === true } : {}),
    memberContext: context,
    ...tlsNote(tlsVerified),
    findings: [...hubFindings, ...findings],
    verdict,
  };
}

const tlsNote = (verified: boolean): { memberTlsVerified?: false } => (verified ? {} : { memberTlsVerified: false });

/** The member's findings through `context`; only what the operator's kubeconfig reaches is checked from its side. */
async function memberFindings(
  h: MemberContext,
  row: CheckRow,
  c: ClusterConfig,
  context: string,
): Promise<{ findings: Finding[] | 'other cluster'; tlsVerified: boolean }> {
  let tlsVerified = context === h.hub.context ? h.hub.tlsVerified : true;
  try {
    const m = context === h.hub.context ? h.hub : await h.reach.connect(context, h.members.kube);
    tlsVerified = m.tlsVerified;
    if (!c.inCluster && context !== h.hub.context) {
      const joined = h.creds.records[c.name]?.uid;
      if (joined && joined !== (await clusterUid(m))) return { findings: 'other cluster', tlsVerified };
    }
    const findings = await checkPropeller(m, h.ns, c, h.storage, h.routes);
    if (row.proxied) findings.unshift(await identityAccess(h, m, c));
    return { findings, tlsVerified };
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    const p = e.problems[0]!;
    const problem = `the data plane's side was not checked: context ${context}: ${p.message}`;
    return { findings: [{ check: 'installed', ok: null, problem, ...(p.fix ? { fix: p.fix } : {}) }], tlsVerified };
  }
}

/** What the proxy's identity may do in the member: SubjectAccessReviews through the operator's context (flytemc cannot act as the pods' identity). */
async function identityAccess(h: MemberContext, m: Kube, c: ClusterConfig): Promise<Finding> {
  const identity = c.credentialProxy?.identity;
  if (!identity)
    return {
      check: 'permissions',
      ok: null,
      problem: `credentialProxy.identity of ${c.name} is not set, so whose permissions to check is unknown`,
      fix: 'set it to the user name the data plane sees for the proxy (flytemc join --auth records it)',
    };
  const denied = await deniedTo(m, identity, h.checks);
  const all = h.checks.length;
  if (!denied.length) return { check: 'permissions', ok: true, value: `${identity}: all ${all} (resource, verb) pairs (SubjectAccessReviews)` };
  const kinds = missingByKind(denied);
  return {
    check: 'permissions',
    ok: false,
    value: identity,
    problem: `${identity} (the credential proxy's identity) may not, of what FlyteAdmin needs (${denied.length} of ${all} SubjectAccessReviews denied): ${kinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(', ')}`).join('; ')}`,
    fix: `bind ClusterRole ${clusterRoleName(h.ns)} to it in the data plane: flytemc join ${m.context} --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --auth ... --identity ${identity}`,
  };
}
