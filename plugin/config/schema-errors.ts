// Ajv's errors as `values.schema` problems: which key, what is wrong, how to fix it (the schema's `x-fix`, or the guide's known mistakes).
import type { ErrorObject } from 'ajv';
import { escapeSegment } from '../yaml/json-pointer.ts';
import { error, type Problem, type Locator } from '../problems/problems.ts';
import { showValue } from '../problems/mask.ts';
import { coded } from './where.ts';

const SCHEMA = 'values.schema';

/** A value as messages show it; masked when `path` (its JSON pointer) is a secret's, or it looks like one. */
const show = (v: unknown, path = '') => showValue(v, path);
const typeOf = (v: unknown, path: string) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${show(v, path)}`;

function hintFor(e: ErrorObject, data: (pointer: string) => unknown): { what?: string; fix?: string } {
  const path = e.instancePath;
  const value = e.data;
  // defect 7: `enabled` indented under `auth`
  if (e.keyword === 'additionalProperties' && /\/auth$/.test(path) && e.params.additionalProperty === 'enabled') {
    const name = (data(path.replace(/\/auth$/, '/name')) as string | undefined) ?? 'this cluster';
    return {
      what: `\`enabled\` sits under \`auth\`; FlyteAdmin ignores it there and ${name} stays disabled`,
      fix: 'move `enabled: true` one level up, next to `name`, `endpoint` and `auth`',
    };
  }
  // defect 10: the guide's {{ placeholder }} endpoints
  if (/\/endpoint$/.test(path)) {
    if (typeof value === 'object' && value !== null) {
      return {
        what: 'endpoint is a YAML mapping, not a URL: an unquoted `{{ ... }}` placeholder (as in the upstream guide) is read as a nested mapping',
        fix: 'write the data plane\'s API server URL, e.g. endpoint: "https://203.0.113.10:6443" (`flytemc join` fills it in for you)',
      };
    }
    if (typeof value === 'string' && value.includes('{{')) {
      return {
        what: `endpoint ${show(value, path)} is still a \`{{ ... }}\` placeholder from the upstream guide; Helm's tpl fails on it`,
        fix: 'write the data plane\'s API server URL, e.g. endpoint: "https://203.0.113.10:6443"',
      };
    }
    if (typeof value === 'string' && value.startsWith('http://')) {
      return {
        what: `endpoint ${show(value, path)} is plain http; FlyteAdmin must reach the API server over TLS`,
        fix: 'use the https:// URL of the API server',
      };
    }
  }
  // the loopback form the post-renderer writes for a credential proxy, written by hand
  if (e.keyword === 'required' && (e.params.missingProperty === 'credentialProxy' || e.params.missingProperty === 'server')) {
    const entry = path.replace(/\/credentialProxy$/, '');
    return {
      what: `endpoint ${show(data(`${entry}/endpoint`), `${entry}/endpoint`)} is the loopback address of a credential proxy, which only the post-renderer writes (next to credentialProxy.server, the real API server)`,
      fix: "give the data plane's https:// URL as endpoint (with credentialProxy.exec to reach it through a proxy)",
    };
  }
  // defect 5: underscores in Kubernetes names
  if (e.keyword === 'pattern' && typeof value === 'string' && value.includes('_') && /dns1123/.test(e.schemaPath)) {
    return {
      what: `${show(value, path)} is not a valid Kubernetes name: '_' is not allowed (the API server rejects it, client-side dry-run does not)`,
      fix: `use ${show(value.replace(/_/g, '-').toLowerCase(), path)}`,
    };
  }
  if (e.keyword === 'type' && typeof value === 'string' && (e.params.type === 'number' || e.params.type === 'boolean' || e.params.type === 'integer')) {
    return { fix: `write ${value} without quotes` };
  }
  return {};
}

export function schemaProblems(errors: ErrorObject[] | null | undefined, at: Locator, data: (pointer: string) => unknown): Problem[] {
  const out: Problem[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue; // the `then` error says it
    const ps = e.parentSchema as Record<string, unknown> | undefined;
    const schemaFix = typeof ps?.['x-fix'] === 'string' ? (ps['x-fix'] as string) : undefined;
    const hint = hintFor(e, data);
    let pointer = e.instancePath;
    let what: string;
    let fix = hint.fix ?? schemaFix;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        pointer = `${pointer}/${escapeSegment(key)}`;
        const allowed = Object.keys((ps?.properties as object | undefined) ?? {});
        what = `unknown key \`${key}\``;
        fix ??= allowed.length ? `remove it or use one of: ${allowed.join(', ')} (FlyteAdmin silently ignores unknown keys)` : 'remove it';
        break;
      }
      case 'required':
        what = `missing \`${String(e.params.missingProperty)}\``;
        if (e.params.missingProperty === 'endpoint')
          fix ??= 'add the data plane\'s API server URL, e.g. endpoint: "https://203.0.113.10:6443", or set inCluster: true';
        break;
      case 'type':
        what = `must be ${e.params.type}, not ${typeOf(e.data, e.instancePath)}`;
        break;
      case 'pattern':
      case 'minLength':
      case 'maxLength':
        what = `invalid value ${show(e.data, e.instancePath)}${e.keyword === 'maxLength' ? ` (longer than ${e.params.limit} characters)` : ''}`;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
        what = `${show(e.data, e.instancePath)} is out of range (${e.message})`;
        break;
      case 'enum':
        what = `${show(e.data, e.instancePath)} is not one of ${(e.params.allowedValues as unknown[]).map((x) => show(x)).join(', ')}`;
        break;
      case 'const':
        what = `${show(e.data, e.instancePath)} is not allowed here (only ${show(e.params.allowedValue)})`;
        break;
      case 'propertyNames':
        continue; // reported by the nested pattern error below, with the key
      default:
        what = e.message ?? e.keyword;
    }
    if (e.propertyName !== undefined) {
      pointer = `${e.instancePath}/${e.propertyName}`;
      what = `invalid name ${show(e.propertyName)}`;
    }
    if (hint.what) what = hint.what;
    out.push(error(coded(SCHEMA, at(pointer)), what, fix));
  }
  return out;
}
