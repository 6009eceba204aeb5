// The figures a long test file measures as it goes and prints at its end (the docs quote them from
// the file's saved log, docs/logs/), and a process result shown in a failed assertion.
//
//   const figures = new Figures();
//   const out = await figures.timed('install the control plane', () => run(...));
//   test.after(() => figures.print('real Flyte end to end'));
import type { ProcResult } from './process.ts';

export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const show = (r: ProcResult) => `exit ${r.code}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;

export class Figures {
  readonly rows: Array<[string, string]> = [];
  private readonly started = performance.now();
  push(row: [string, string]): void {
    this.rows.push(row);
  }
  /** Runs `fn` and records how long it took under `label`, also when it throws. */
  async timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.rows.push([label, secs(performance.now() - t)]);
    }
  }
  /** Adds the whole file's time and prints every figure. */
  print(title: string): void {
    this.rows.push(['whole file', secs(performance.now() - this.started)]);
    process.stdout.write(`\n  figures (${title}):\n${this.rows.map(([k, v]) => `    ${k}: ${v}`).join('\n')}\n`);
  }
}
