// npm run clusters -- up N --dir DIR [--names a,b,c] [--timeout SECONDS]
// npm run clusters -- down --dir DIR [--rm]
// npm run clusters -- status --dir DIR
// npm run clusters -- build
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBinaries, HarnessError } from './build.ts';
import { readState, runningProcesses, startClusters, stopClusters } from './cluster.ts';

const USAGE = `usage:
  npm run clusters -- up N --dir DIR [--names a,b,...] [--timeout SECONDS]
      start N clusters on loopback (the first one meant as the control plane); writes
      DIR/kubeconfig (contexts cluster-0 ... or the given names) and DIR/state.json, and returns
  npm run clusters -- down --dir DIR [--rm]
      stop every cluster started in DIR (idempotent); --rm also deletes their data and kubeconfig
  npm run clusters -- status --dir DIR
  npm run clusters -- build
      build (once) and cache etcd, kube-apiserver and kube-controller-manager; print the folder`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          dir: { type: 'string' },
          names: { type: 'string' },
          timeout: { type: 'string' },
          rm: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  const [cmd, ...rest] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const needDir = () => {
    if (!values.dir) throw new UsageError(`${cmd} needs --dir DIR`);
    return resolve(values.dir);
  };
  switch (cmd) {
    case 'build': {
      console.log((await ensureBinaries()).dir);
      return 0;
    }
    case 'up': {
      const names = values.names
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (rest.length > 1) throw new UsageError(`unexpected arguments: ${rest.slice(1).join(' ')}`);
      const n = rest[0] !== undefined ? Number(rest[0]) : (names?.length ?? 1);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`N must be a positive integer, got '${rest[0]}'`);
      if (names && names.length !== n) throw new UsageError(`--names lists ${names.length} names for ${n} clusters`);
      let timeoutMs: number | undefined;
      if (values.timeout !== undefined) {
        timeoutMs = Number(values.timeout) * 1000;
        if (!(timeoutMs > 0)) throw new UsageError(`--timeout must be a number of seconds, got '${values.timeout}'`);
      }
      const dir = needDir();
      const set = await startClusters({
        n,
        dir,
        detach: true,
        ...(names ? { names } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        log: (l) => console.error(l),
      });
      console.log(`${n} cluster${n > 1 ? 's' : ''} up in ${(set.startupMs / 1000).toFixed(1)} s; kubeconfig: ${set.kubeconfigPath}\n`);
      for (const [i, c] of set.clusters.entries()) {
        console.log(`  ${c.context.padEnd(12)} ${c.server}   ${i === 0 ? '(current context; control plane)' : '(data plane)'}`);
      }
      console.log(`\n  export KUBECONFIG=${set.kubeconfigPath}`);
      console.log(`  helm --kube-context ${set.clusters[set.clusters.length - 1]!.context} ...`);
      console.log(`  logs: ${dir}/<name>/{etcd,kube-apiserver,kube-controller-manager}.log`);
      console.log(`  stop: npm run clusters -- down --dir ${dir}`);
      return 0;
    }
    case 'down': {
      if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
      const dir = needDir();
      const stopped = await stopClusters(dir, { remove: values.rm === true });
      console.log(stopped > 0 ? `stopped ${stopped} processes in ${dir}` : `nothing running in ${dir}`);
      return 0;
    }
    case 'status': {
      const dir = needDir();
      const state = readState(dir);
      if (!state) {
        console.log(`no clusters in ${dir}`);
        return 1;
      }
      const live = new Set(runningProcesses(dir).map((p) => p.pid));
      for (const c of state.clusters) console.log(`${c.context.padEnd(12)} ${c.server}`);
      for (const p of state.processes) {
        console.log(`  ${p.cluster}/${p.component} pid ${p.pid}: ${live.has(p.pid) ? 'running' : 'stopped'}`);
      }
      return live.size === state.processes.length ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command '${cmd}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof HarnessError) {
      console.error(`error: ${e.message}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  },
);
