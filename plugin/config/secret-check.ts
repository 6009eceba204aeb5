// A Secret manifest against schemas/manifests.schema.json, with raw text under `data:` (upstream guide, defect 6) said plainly.
import type { ErrorObject } from 'ajv';
import { validateSecret } from '../generated/validators.cjs';
import { error, type Problem, type Locator } from '../problems/problems.ts';
import { schemaProblems } from './schema-errors.ts';
import { isObject } from '../yaml/data.ts';
import { coded } from './where.ts';

/** A key of `data:` whose value is not base64: the upstream guide's defect 6. */
function notBase64(e: ErrorObject, at: Locator): Problem {
  const key = e.instancePath.slice('/data/'.length);
  return error(
    coded('secret.not-base64', at(e.instancePath)),
    `data.${key} is not base64: raw token or PEM text under \`data:\` is rejected by the API server (or decoded into garbage)`,
    `move ${key} under \`stringData:\` (raw text), or base64-encode it (\`base64 -w0\`; \`base64 -D\` is macOS-only)`,
  );
}

export function secretProblems(value: unknown, at: Locator): Problem[] {
  const secret: unknown = value; // validateSecret narrows `value`; `secret` stays readable below
  if (validateSecret(value)) return [];
  const data = (p: string) => {
    const [, , key] = p.split('/');
    const d = isObject(secret) && isObject(secret.data) ? secret.data : {};
    return key !== undefined ? d[key] : undefined;
  };
  return (validateSecret.errors ?? []).flatMap((e) =>
    e.instancePath.startsWith('/data/') && e.keyword === 'pattern' ? [notBase64(e, at)] : schemaProblems([e], at, data),
  );
}
