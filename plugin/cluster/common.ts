// What join, unjoin, rotate and check share: their options, progress lines on a terminal, the
// hub context (Helm's current context under `helm flytemc`), names and endpoints.
import { FlytemcError, error, marked, EXIT, UsageError } from '../problems.ts';
import { progressEnabled } from '../shell.ts';
import { DEFAULT_CREDENTIALS } from '../config/types.ts';
import type { KubeOptions } from './kube.ts';
import type { Change } from './plan.ts';
import { parseDuration } from './util.ts';
import { trimSlashes } from '../json-pointer.ts';
import { kubeContextSetting, namespaceSetting } from '../helm.ts';

export interface Common {
  kube: KubeOptions;
  hubContext: string;
  /** The namespace of FlyteAdmin in the hub and of ServiceAccount flyteadmin in the members. */
  namespace: string;
  /** The hub's credentials Secret. */
  secretName: string;
  dryRun: boolean;
  /** How long to wait for the token controller. */
  tokenTimeoutMs: number;
  progress: Progress;
}

/** `[name] step` lines on stderr, only when it is a terminal; never a token. */
export class Progress {
  readonly enabled: boolean;
  private readonly started = Date.now();
  constructor(enabled = progressEnabled()) {
    this.enabled = enabled;
  }
  /** `context`: the kubeconfig context the step talks to, when `target` is a cluster name. */
  step(target: string, msg: string, context?: string): void {
    if (!this.enabled) return;
    const t = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    const note = /\[[^\]]+\]$/.exec(marked(context ?? target))?.[0];
    process.stderr.write(`${t}s [${target}]${note ? ` ${note}` : ''} ${msg}\n`);
  }
  change(c: Change, dryRun: boolean): void {
    if (c.action === 'unchanged' || c.action === 'absent') return;
    this.step(c.target, `${dryRun && c.action !== 'check' && c.action !== 'skip' ? 'would ' : ''}${c.action} ${c.object}${c.note ? ` (${c.note})` : ''}`);
  }
}

export const NAME_RE = /^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/;
export const ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;

/** The one data-plane CONTEXT of rotate/unjoin, and the cluster name (--name, else the context's). */
export function oneMember(positionals: string[], name: string | undefined, hint = ''): { context: string; name: string } {
  if (positionals.length !== 1) throw new UsageError(`name exactly one data-plane CONTEXT${hint}`);
  const context = positionals[0]!;
  return { context, name: checkName(name ?? context, name ? '--name' : 'context') };
}

export function checkName(name: string, from: string): string {
  if (name.length > 63 || !NAME_RE.test(name)) {
    throw new UsageError(`${from} ${JSON.stringify(name)} is not a valid cluster name: use letters, digits, '-', '_' or '.', starting and ending with a letter or digit, at most 63 characters${from === 'context' ? ' (pass --name NAME)' : ''}`);
  }
  return name;
}

export function checkEndpoint(endpoint: string, where: string): string {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError([error(where, `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`, 'pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)')], EXIT.invalid);
  }
  return trimSlashes(endpoint);
}

/** `team1=0.5` or `team1` (weight 1). */
export function parseRoute(s: string): { label: string; weight: number } {
  const m = /^([^=]+)(?:=(.*))?$/.exec(s);
  const label = m?.[1] ?? '';
  const weight = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!NAME_RE.test(label) || label.length > 253) throw new UsageError(`--label ${JSON.stringify(s)}: the label must use letters, digits, '-', '_' or '.', e.g. --label team1=0.5`);
  if (m?.[2] === '' || !Number.isFinite(weight) || weight < 0 || weight > 1) throw new UsageError(`--label ${JSON.stringify(s)}: the weight must be a number from 0 to 1, e.g. --label ${label}=0.5`);
  return { label, weight };
}

/** The kubeconfig options of a cluster command's flags. */
export function kubeOptions(v: { kubeconfig?: string | undefined; timeout?: string | undefined; 'insecure-skip-tls-verify'?: boolean | undefined }, timeoutMs: number): KubeOptions {
  return {
    ...(v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}),
    timeoutMs: timeoutOption(v.timeout, '--timeout', timeoutMs),
    ...(v['insecure-skip-tls-verify'] ? { allowUnverifiedTls: true } : {}),
  };
}

export function timeoutOption(v: string | undefined, flag: string, dflt: number): number {
  if (v === undefined) return dflt;
  const ms = parseDuration(v);
  if (ms === undefined || ms <= 0) throw new UsageError(`${flag} ${JSON.stringify(v)}: use a duration such as 30s, 2m or 500ms`);
  return ms;
}

/** The hub: --kube-context; under `helm flytemc`, Helm's --kube-context (HELM_KUBECONTEXT) or its current context. */
export function hubContextOf(flag: string | undefined, currentContext: () => string, required: boolean): string {
  const set = kubeContextSetting(flag);
  if (set) return set.value;
  if (process.env.HELM_PLUGIN_NAME || !required) {
    const cur = currentContext();
    if (cur) return cur;
  }
  throw new UsageError('say which cluster is the control plane (hub): --kube-context HUB (under `helm flytemc` it defaults to Helm\'s current context)');
}

/** --namespace; under Helm, Helm's namespace (HELM_NAMESPACE: `-n default` is default); flytemc alone: flyte. */
export function namespaceOf(flag: string | undefined): string {
  return namespaceSetting(flag).value;
}

export const DEFAULT_SECRET = DEFAULT_CREDENTIALS.secretName;

export const COMMON_OPTIONS = {
  'kube-context': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
