#!/usr/bin/env node
// Runs a command and saves its output, with the date and the machine, as the source of figures
// that README.md and docs/*.md quote (test/doc-figures.test.ts checks every quoted figure against
// the saved outputs a document names).
//   node scripts/save-log.mjs faults -- node test/run.mjs faults
//   → docs/logs/YYYY-MM-DD-faults.log: a header (date, machine, command), the output as it was
//     printed (stdout and stderr interleaved), and a footer (exit code, wall time, load).
import { spawn } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sep = args.indexOf('--');
const name = args[0];
const [program, ...programArgs] = args.slice(sep + 1);
if (!name || !program || sep !== 1 || !/^[a-z0-9][-a-z0-9]*$/.test(name)) {
  console.error('usage: node scripts/save-log.mjs NAME -- COMMAND [ARGS...]   (NAME: lowercase letters, digits, -)');
  process.exit(2);
}
const command = args.slice(sep + 1);
const started = new Date();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
/** @param {number} b */
const gib = (b) => `${(b / 2 ** 30).toFixed(0)} GiB`;
const day = started.toISOString().slice(0, 10);
const file = join(root, 'docs', 'logs', `${day}-${name}.log`);
const head = [
  `# saved by scripts/save-log.mjs: ${command.join(' ')}`,
  `# date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `# machine: nproc ${cpus().length} (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), memory ${gib(totalmem())} total, ${gib(freemem())} free, Node ${process.version}, ${process.platform}; load average ${load()} at the start (the machine is shared)`,
  '',
];
let out = '';
const child = spawn(program, programArgs, { cwd: root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
for (const s of [child.stdout, child.stderr]) {
  s.on('data', (d) => {
    out += d;
    (s === child.stdout ? process.stdout : process.stderr).write(d);
  });
}
child.on('close', (code, signal) => {
  const secs = ((Date.now() - started.getTime()) / 1000).toFixed(1);
  const foot = `\n# exit ${signal ?? code} after ${secs} s; load average ${load()} at the end\n`;
  mkdirSync(join(root, 'docs', 'logs'), { recursive: true });
  writeFileSync(file, head.join('\n') + '\n' + out + foot);
  console.log(`save-log: ${file.slice(root.length)} (exit ${signal ?? code} after ${secs} s)`);
  process.exitCode = code ?? 1;
});
