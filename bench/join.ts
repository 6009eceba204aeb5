// `flytemc join` of 1, 3 and 10 data planes against real clusters of the harness
// (test/harness: etcd + kube-apiserver + kube-controller-manager per cluster, on loopback).
// Every timed join starts from scratch: after each run the ServiceAccount, its RBAC and token
// Secret are deleted from the data planes and the credentials Secret from the hub (untimed),
// so 1, 3 and 10 measure the same work: first joins, with the default --parallel.
// Skipped, with the reason, when the join command or the harness binaries are not there.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interleave, type Case, type Measured } from './measure.ts';

export interface JoinSection {
  skipped?: string;
  clusters?: number[];
  rows?: Measured[];
  startupMs?: number;
}

const SIZES = [1, 3, 10];
const NAMESPACE = 'flyte';

type Harness = typeof import('../test/harness/cluster.ts');
type Kubectl = (ctx: string, ...argv: string[]) => SpawnSyncReturns<string>;

/** The harness and its binaries, or why the section is skipped. */
async function harnessOrSkip(
  cli: string,
): Promise<{ skipped: string } | { harness: Harness; binaries: NonNullable<ReturnType<typeof import('../test/harness/build.ts').cachedBinaries>> }> {
  const help = spawnSync(process.execPath, [cli, 'join', '--help'], { encoding: 'utf8' });
  if (help.status !== 0)
    return {
      skipped: `\`flytemc join\` is not in this build (\`flytemc join --help\` exited ${help.status}: ${(help.stderr || help.stdout).trim().split('\n')[0]})`,
    };
  let harness: Harness;
  let build: typeof import('../test/harness/build.ts');
  try {
    harness = await import('../test/harness/cluster.ts');
    build = await import('../test/harness/build.ts');
  } catch (e) {
    return { skipped: `the harness does not load: ${(e as Error).message.split('\n')[0]}` };
  }
  const binaries = build.cachedBinaries();
  if (!binaries) return { skipped: 'the harness binaries are not built yet: run `npm run clusters -- build` (about 5 minutes once), then the bench again' };
  return { harness, binaries };
}

/** The timed joins: 1, 3 and 10 clusters with the default --parallel (4), and 10 all at once; each from scratch. */
function joinCases(c: { cli: string; kubeconfig: string; kubectl: Kubectl; work: string; template: string; max: number }): Case[] {
  const { cli, kubeconfig, kubectl, template, max, work } = c;
  const reset = (k: number) => {
    for (let i = 1; i <= k; i++) {
      const ctx = `dp-${i}`;
      kubectl(ctx, '-n', NAMESPACE, 'delete', 'secret/flyteadmin-token', 'serviceaccount/flyteadmin', '--ignore-not-found', '--wait=true');
      kubectl(ctx, 'delete', `clusterrole/${NAMESPACE}-flyteadmin`, `clusterrolebinding/${NAMESPACE}-flyteadmin-binding`, '--ignore-not-found', '--wait=true');
    }
    kubectl('hub', '-n', NAMESPACE, 'delete', 'secret/cluster-credentials', '--ignore-not-found', '--wait=true');
  };
  // the default --parallel (4), and all at once for 10
  const variants = [...SIZES.map((k) => ({ k, parallel: undefined as number | undefined })), { k: max, parallel: max }];
  const cases: Case[] = variants.map(({ k, parallel }) => {
    const id = `join-${k}${parallel ? `-parallel-${parallel}` : ''}`;
    const values = join(work, `${id}-values.yaml`);
    const contexts = Array.from({ length: k }, (_, i) => `dp-${i + 1}`);
    return {
      id,
      label: `join ${k} cluster${k === 1 ? '' : 's'}${parallel ? ` (--parallel ${parallel})` : ''}`,
      spec: {
        argv: [
          process.execPath,
          cli,
          'join',
          ...contexts,
          '--kube-context',
          'hub',
          '--kubeconfig',
          kubeconfig,
          '--namespace',
          NAMESPACE,
          '--values',
          values,
          '--label',
          'team1=0.5',
          ...(parallel ? ['--parallel', String(parallel)] : []),
        ],
        timeoutMs: 300_000,
      },
      before: () => {
        reset(max);
        copyFileSync(template, values);
      },
    };
  });
  return cases;
}

/** One untimed join of all of them first, checked: every data plane's token and CA in the hub; why not, or undefined. */
async function firstJoin(cases: Case[], kubectl: Kubectl, names: string[], max: number): Promise<string | undefined> {
  const all = cases.find((c) => c.id === `join-${max}`)!;
  await all.before!();
  const first = spawnSync(all.spec.argv[0]!, all.spec.argv.slice(1), { encoding: 'utf8', timeout: 300_000 });
  if (first.status !== 0)
    return `\`flytemc join\` of ${max} clusters failed (exit ${first.status}): ${(first.stderr || first.stdout).trim().split('\n').slice(0, 4).join(' / ')}`;
  const keys =
    kubectl('hub', '-n', NAMESPACE, 'get', 'secret', 'cluster-credentials', '-o', 'go-template={{range $k, $v := .data}}{{$k}} {{end}}')
      .stdout?.trim()
      .split(/\s+/) ?? [];
  const missing = names
    .slice(1)
    .flatMap((n) => [`${n}_token`, `${n}_cacert`])
    .filter((k) => !keys.includes(k));
  return missing.length ? `after \`flytemc join\` of ${max} clusters the hub Secret lacks ${missing.join(', ')}` : undefined;
}

export async function runJoinBench(o: { root: string; work: string; rounds: number; log: (s: string) => void }): Promise<JoinSection> {
  const cli = join(o.root, 'dist', 'flytemc.mjs');
  const loaded = await harnessOrSkip(cli);
  if ('skipped' in loaded) return loaded;
  const { harness, binaries } = loaded;
  const max = Math.max(...SIZES);
  const names = ['hub', ...Array.from({ length: max }, (_, i) => `dp-${i + 1}`)];
  const dir = join(o.work, 'join-clusters');
  // what a killed earlier bench may have left running in that folder (its state.json says)
  const left = await harness.stopClusters(dir);
  if (left) o.log(`  stopped ${left} processes an earlier bench left running`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  o.log(`  starting ${names.length} clusters (hub + ${max} data planes) in ${dir}`);
  const set = await harness.startClusters({ dir, names, binaries, log: (l) => o.log(`    ${l}`) });
  try {
    const kubeconfig = set.kubeconfigPath;
    const kubectl = (ctx: string, ...argv: string[]) => spawnSync('kubectl', ['--kubeconfig', kubeconfig, '--context', ctx, ...argv], { encoding: 'utf8' });
    if (kubectl('hub', 'create', 'namespace', NAMESPACE).status !== 0) o.log('    (namespace flyte exists in the hub)');
    const emptyValues = 'multicluster:\n  role: control-plane\n  clusters:\n    clusterConfigs: []\n';
    const template = join(o.work, 'join-values-empty.yaml');
    writeFileSync(template, emptyValues);

    const cases = joinCases({ cli, kubeconfig, kubectl, work: o.work, template, max });
    const skipped = await firstJoin(cases, kubectl, names, max);
    if (skipped) return { skipped };
    const rows = await interleave(cases, o.rounds, o.work, o.log);
    return { clusters: SIZES, rows, startupMs: set.startupMs };
  } finally {
    o.log('  stopping the clusters');
    await set.stop();
  }
}
