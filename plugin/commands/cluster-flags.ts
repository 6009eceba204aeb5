// The flags of the cluster commands (join, unjoin, rotate, check), parsed one way for all; not a command.
import { DEFAULT_CREDENTIALS } from '../config/types.ts';
import type { KubeOptions } from '../cluster/kubeconfig.ts';
import type { SessionOptions } from '../cluster/session.ts';
import { namespaceSetting } from '../helm/helm.ts';
import { UsageError } from '../problems/problems.ts';

/** The hub, as kubectl and Helm spell it: for the commands whose --timeout is how long they wait (smoke, drain, labels). */
export const HUB_OPTIONS = {
  'kube-context': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  /** kubectl's name; allows (never forces) a kubeconfig cluster's insecure-skip-tls-verify: see cluster/kube.ts */
  'insecure-skip-tls-verify': { type: 'boolean', default: false },
} as const;

/** The options every command that talks to clusters takes, as kubectl and Helm spell them. */
export const KUBE_OPTIONS = { ...HUB_OPTIONS, timeout: { type: 'string' } } as const;

/** unjoin's and rotate's: how long to wait for the rollout of FlyteAdmin (default 5m, as Helm's --timeout). */
export const ROLLOUT_TIMEOUT = { 'rollout-timeout': { type: 'string' } } as const;

/** The commands that change clusters (join, unjoin, rotate): the kube options, --dry-run and --name. */
export const CHANGE_OPTIONS = {
  ...KUBE_OPTIONS,
  'dry-run': { type: 'boolean', default: false },
  name: { type: 'string' },
} as const;

/** join's and rotate's: how long to wait for the token controller. */
export const TOKEN_TIMEOUT = { 'token-timeout': { type: 'string' } } as const;

const NAME_RE = /^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/;

export function checkName(name: string, from: string): string {
  if (name.length > 63 || !NAME_RE.test(name)) {
    throw new UsageError(
      `${from} ${JSON.stringify(name)} is not a valid cluster name: use letters, digits, '-', '_' or '.', starting and ending with a letter or digit, at most 63 characters${from === 'context' ? ' (pass --name NAME)' : ''}`,
    );
  }
  return name;
}

/** The one data-plane CONTEXT of rotate/unjoin, and the cluster name (--name, else the context's). */
export function oneMember(positionals: string[], name: string | undefined, hint = ''): { context: string; name: string } {
  if (positionals.length !== 1) throw new UsageError(`name exactly one data-plane CONTEXT${hint}`);
  const context = positionals[0]!;
  return { context, name: checkName(name ?? context, name ? '--name' : 'context') };
}

/** `team1=0.5` or `team1` (weight 1). */
export function parseRoute(s: string): { label: string; weight: number } {
  const m = /^([^=]+)(?:=(.*))?$/.exec(s);
  const label = m?.[1] ?? '';
  const weight = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!NAME_RE.test(label) || label.length > 253)
    throw new UsageError(`--label ${JSON.stringify(s)}: the label must use letters, digits, '-', '_' or '.', e.g. --label team1=0.5`);
  if (m?.[2] === '' || !Number.isFinite(weight) || weight < 0 || weight > 1)
    throw new UsageError(`--label ${JSON.stringify(s)}: the weight must be a number from 0 to 1, e.g. --label ${label}=0.5`);
  return { label, weight };
}

/** Parses durations like `30s`, `2m`, `500ms`, or plain seconds. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

export function timeoutOption(v: string | undefined, flag: string, dflt: number): number {
  if (v === undefined) return dflt;
  const ms = parseDuration(v);
  if (ms === undefined || ms <= 0) throw new UsageError(`${flag} ${JSON.stringify(v)}: use a duration such as 30s, 2m or 500ms`);
  return ms;
}

type KubeFlags = { kubeconfig?: string | undefined; timeout?: string | undefined; 'insecure-skip-tls-verify'?: boolean | undefined };

/** The kubeconfig options of a cluster command's flags. */
export function kubeOptions(v: KubeFlags, timeoutMs: number): KubeOptions {
  return {
    warned: new Set(),
    ...(v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}),
    timeoutMs: timeoutOption(v.timeout, '--timeout', timeoutMs),
    ...(v['insecure-skip-tls-verify'] ? { allowUnverifiedTls: true } : {}),
  };
}

/** The first line of join, unjoin, rotate and check: the namespace they act in, where that came from, and the hub (with its TLS note). */
export function namespaceLine(ns: string, from: string, hub: string | undefined): string {
  const how = from === '--namespace' ? 'from --namespace' : `from ${from}; -n NAMESPACE for another`;
  return `namespace ${ns} (${how})${hub ? `, hub ${hub}` : ''}\n`;
}

/** --namespace; under Helm, Helm's namespace (HELM_NAMESPACE: `-n default` is default); flytemc alone: flyte. */
export const namespaceOf = (flag: string | undefined): string => namespaceSetting(flag).value;

interface SessionFlags extends KubeFlags {
  'kube-context'?: string | undefined;
  namespace?: string | undefined;
  'dry-run'?: boolean | undefined;
  'token-timeout'?: string | undefined;
}

/** What openSession() needs, from the flags (request timeout 15 s, token timeout 60 s unless given). */
export function sessionOptions(
  v: SessionFlags,
  o: { secretName?: string | undefined; members: string[]; withHub?: boolean },
): SessionOptions & { withHub: boolean } {
  const ns = namespaceSetting(v.namespace);
  return {
    kube: kubeOptions(v, 15_000),
    ...(v['kube-context'] ? { kubeContext: v['kube-context'] } : {}),
    namespace: ns.value,
    namespaceFrom: ns.from,
    secretName: o.secretName ?? DEFAULT_CREDENTIALS.secretName,
    dryRun: v['dry-run'] ?? false,
    tokenTimeoutMs: timeoutOption(v['token-timeout'], '--token-timeout', 60_000),
    members: o.members,
    withHub: o.withHub ?? true,
  };
}
