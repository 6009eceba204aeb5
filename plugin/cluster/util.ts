// Small helpers of the cluster commands: masking secrets, a line diff for the dry-run plan, bounded parallelism and timeouts; nothing here talks to a cluster.
import { createHash } from 'node:crypto';

/** `<token: 1.2 KB, sha256:abcd1234…>`: enough to tell two tokens apart, never the token. */
export function maskSecret(kind: string, value: string | Buffer | undefined): string {
  if (value === undefined) return `<${kind}: none>`;
  const buf = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const size = buf.length >= 1024 ? `${(buf.length / 1024).toFixed(1)} KB` : `${buf.length} B`;
  const sum = createHash('sha256').update(buf).digest('hex').slice(0, 8);
  return `<${kind}: ${size}, sha256:${sum}…>`;
}

/** A minimal line diff (LCS) for small documents: `- old`, `+ new`, `  same` lines. */
export function lineDiff(before: string, after: string): string[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const n = a.length,
    m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0,
    j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out;
}

/** Runs fn over items with at most `limit` at a time; results in input order, errors kept. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<Array<PromiseSettledResult<R>>> {
  const results: Array<PromiseSettledResult<R>> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]!, i) };
      } catch (e) {
        results[i] = { status: 'rejected', reason: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export class TimeoutError extends Error {}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call with the same key has settled (one at a time per key, in this process). */
export function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
