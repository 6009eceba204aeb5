// Kubernetes names in the config (Secret, volume and mount names): DNS-1123, with a suggestion that never echoes a credential.
import { error, type Problem, type Place } from '../problems/problems.ts';
import { looksSecret, showValue } from '../problems/mask.ts';
import { coded } from './where.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CODE = 'config.name';

/** The problems of `value` as a DNS-1123 label or subdomain named `what` (empty: a valid name). */
export function nameProblems(kind: 'label' | 'subdomain', value: unknown, place: Place, what: string): Problem[] {
  const at = coded(CODE, place);
  const re = kind === 'label' ? DNS_LABEL : DNS_SUBDOMAIN;
  const max = kind === 'label' ? 63 : 253;
  if (typeof value !== 'string') return [error(at, `${what} must be a string`)];
  if (re.test(value) && value.length <= max) return [];
  // a credential typed where a name goes: no suggestion derived from it (it would echo it)
  if (looksSecret(value))
    return [
      error(
        at,
        `${what} ${showValue(value)} is not a valid Kubernetes name, and it looks like a credential`,
        'write a name here, e.g. "cluster-credentials"; tokens and certificates go into the Secret, never into values',
      ),
    ];
  const suggestion =
    value
      .toLowerCase()
      .replace(/[^-a-z0-9.]/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'cluster-credentials';
  const why = value.includes('_')
    ? "'_' is not allowed (the API server rejects it; a client-side dry-run does not)"
    : `a ${kind === 'label' ? 'DNS-1123 label' : 'DNS-1123 subdomain'} is lowercase letters, digits${kind === 'label' ? '' : ", '.'"} and '-', at most ${max} characters`;
  return [error(at, `${what} ${showValue(value)} is not a valid Kubernetes name: ${why}`, `use ${showValue(suggestion.slice(0, max))}`)];
}
