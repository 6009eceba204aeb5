// Masking: no token, key or password reaches a terminal, a CI log or Helm's error output.

/**
 * Messages echo values back, and a value typed in the wrong place may be a token, a key or a
 * password, whatever its length. Two layers: showValue() masks a value that sits at a secret
 * path (a key named like token, cacert, password, secret, key, credentials, or a Secret's
 * data/stringData) or looks like a secret (JWT, PEM, bearer or bootstrap token, EKS token, a
 * base64 or hex blob); redact() masks the same shapes anywhere in a message's text, so nothing
 * secret reaches a terminal, a CI log or Helm's error output.
 */
const SECRET_KEY =
  /(^|[^A-Za-z])(token|cacert|ca\.crt|ca-?data|certificate-authority-data|client-certificate-data|client-key-data|password|passwd|passphrase|secret|credentials?|private-?key|key|bearer|authorization)$/i;
const MIXED = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);
/**
 * A JSON pointer or file path, not base64 (which has a '/' in ~1 of 64 characters): each segment
 * between slashes is short, or a word as keys are written (camelCase, kebab-case, snake_case,
 * e.g. additionalVolumeMounts), which a random blob's long segments are not.
 */
const WORD = /^(?:[a-z]+(?:[A-Z][a-z]+)*\d*|[a-z0-9]+(?:[-_.][a-z0-9]+)*)$/;
const pathLike = (s: string) => s.includes('/') && s.split('/').every((seg) => seg.length <= 20 || WORD.test(seg));

/** True when a value at this JSON pointer or dotted path must not be shown. */
export function isSecretPath(path: string): boolean {
  const parts = path.split(/[/.]/).filter(Boolean);
  const last = (parts.at(-1) ?? '').replace(/([a-z0-9])([A-Z])/g, '$1-$2'); // clientSecret: client-Secret
  return SECRET_KEY.test(last) || (parts.length >= 2 && /^(data|stringData)$/.test(parts.at(-2)!) && parts.length <= 3);
}

/** True when a string is shaped like a credential, whatever its length. */
export function looksSecret(text: string): boolean {
  const t = text.trim();
  return (
    /-----BEGIN [A-Z0-9 ]+-----/.test(t) ||
    /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/.test(t) ||
    /^bearer\s+\S/i.test(t) ||
    /^k8s-aws-v1\./.test(t) ||
    /^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(t) || // a bootstrap token
    (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(t) && MIXED(t) && !pathLike(t)) || // base64
    (/^[A-Za-z0-9+/_-]{32,}={0,2}$/.test(t) && MIXED(t) && !pathLike(t)) || // base64url
    /^[A-Fa-f0-9]{32,}$/.test(t)
  );
}

export function redact(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, '<PEM block, masked>')
    .replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*/g, '<token, masked>')
    .replace(/\b(bearer)\s+(?!<)[^\s"',;)]+/gi, '$1 <token, masked>')
    .replace(/\bk8s-aws-v1\.[A-Za-z0-9_-]+/g, '<token, masked>')
    .replace(/\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, '<token, masked>')
    .replace(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/])/g, (m) => (MIXED(m) && !pathLike(m) ? '<base64, masked>' : m))
    .replace(/(?<![A-Za-z0-9])[A-Fa-f0-9]{40,}(?![A-Za-z0-9])/g, '<hex, masked>')
    .replace(/\b((?:token|password|passwd|secret|cacert|key)["']?\s*[:=]\s*)("[^"]+"|'[^']+')/gi, '$1<masked>');
}

/**
 * A value as messages show it: JSON, cut short when long; masked (only its length said) when it
 * sits at a secret `path` or looks like a secret.
 */
export function showValue(v: unknown, path = ''): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  if ((isSecretPath(path) && v !== null && typeof v !== 'boolean') || (typeof v === 'string' && looksSecret(v))) {
    return `<masked: ${text.length} character${text.length === 1 ? '' : 's'}>`;
  }
  const cut = text.length > 60 ? `${text.slice(0, 24)}… (${text.length} characters)` : text;
  return typeof v === 'string' ? JSON.stringify(cut) : cut;
}
