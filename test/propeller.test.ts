// `flytemc check` against a REAL FlytePropeller v1.16.8 (../shared/flyte, test/flyte/propeller.ts)
// on harness clusters (test/harness): cluster-1 is a data plane installed with
// `flytemc install data-plane` (Helm 3, through the post-renderer) and joined into cluster-0 (the
// hub). flytepropeller runs outside Kubernetes with the data plane's rendered
// flyte-propeller-config, takes its leader Lease and renews it: check says ALIVE yes. Then it is
// killed (SIGKILL, as a crashed pod dies): once its lease has expired, check fails naming cluster-1
// ("flytepropeller is not running"), with exit 3.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CoordinationV1Api } from '@kubernetes/client-node';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { kubeConfigFor } from './harness/kube.ts';
import { helmBinary, helmEnv, prepareChart } from './helpers/helm.ts';
import { CLI_SOURCE, runNode, type ProcResult } from './helpers/process.ts';
import { startPropeller, type Propeller } from './flyte/propeller.ts';

const NS = 'flyte';
const work = mkdtempSync(join(tmpdir(), 'flytemc-propeller-'));
prepareChart();
let set: ClusterSet;
let env: NodeJS.ProcessEnv;
let propeller: Propeller | undefined;
const figures: Array<[string, string]> = [];

/** The CLI from source (tsx), with Helm 3 and its isolated homes, against the harness kubeconfig. */
const flytemc = (args: string[]): Promise<ProcResult> =>
  runNode(CLI_SOURCE, args, {
    nodeArgs: ['--import', 'tsx'],
    env: { ...env, FLYTEMC_HELM: helmBinary(3), HOME: work, FLYTEMC_PROGRESS: '0' },
    timeoutMs: 240_000,
  });
const show = (r: ProcResult) => `exit ${r.code}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const hub = () => ['--kube-context', 'cluster-0', '--kubeconfig', set.kubeconfigPath, '-n', NS];

interface Report {
  ok: boolean;
  clusters: Array<{ name: string; verdict: string; findings: Array<{ check: string; ok: boolean | null; value?: string; problem?: string; fix?: string }> }>;
}

test.before(async () => {
  set = await startClusters({ n: 2, dir: join(work, 'clusters') });
  env = helmEnv(join(work, 'helm3'), { kubeconfig: set.kubeconfigPath });
  const shared = join(work, 'shared.yaml');
  writeFileSync(
    shared,
    yaml.dump({
      multicluster: { controlPlane: { adminEndpoint: 'dns:///flyte.example.com:443', catalogIngress: true } },
      'flyte-core': { storage: { type: 's3', bucketName: 'flyte-meta', s3: { region: 'us-east-1' } } },
    }),
  );
  const install = await flytemc(['install', 'data-plane', '--name', 'cluster-1', '--kube-context', 'cluster-1', '-n', NS, '--create-namespace', '-f', shared]);
  assert.is(install.code, 0, show(install));
  const j = await flytemc(['join', 'cluster-1', ...hub()]);
  assert.is(j.code, 0, show(j));
});

test('a running flytepropeller (its leader Lease renewed): check says ALIVE yes and cluster-1 OK', async () => {
  const t = performance.now();
  propeller = await startPropeller({ cluster: set.clusters[1]!, root: work, dir: join(work, 'propeller') });
  figures.push(['flytepropeller started until it held its lease', `${((performance.now() - t) / 1000).toFixed(1)} s`]);
  const r = await flytemc(['check', ...hub(), '-o', 'json']);
  assert.is(r.code, 0, show(r));
  const row = (JSON.parse(r.stdout) as Report).clusters.find((c) => c.name === 'cluster-1')!;
  assert.is(row.verdict, 'ok', r.stdout);
  const alive = row.findings.find((f) => f.check === 'alive')!;
  assert.is(alive.ok, true);
  assert.match(alive.value!, new RegExp(`^renewed \\d+ s ago by ${propeller.holder}$`));
  const table = await flytemc(['check', ...hub()]);
  assert.is(table.code, 0, show(table));
  assert.match(table.stdout, /^namespace flyte \(from --namespace\), hub cluster-0$/m);
  // STORAGE: the hub runs no FlyteAdmin yet to compare with
  assert.match(table.stdout, /^cluster-1 +https:\/\/\S+ +yes +yes +yes +yes +yes +yes +yes +yes +yes +- +OK$/m, table.stdout);
  // the lease is really renewed (every few seconds), not just taken once
  const lease = () => kubeConfigFor(set.clusters[1]!).makeApiClient(CoordinationV1Api).readNamespacedLease({ name: 'propeller-leader', namespace: NS });
  const first = new Date((await lease()).spec!.renewTime as unknown as string).getTime();
  await new Promise((res) => setTimeout(res, 4_000));
  assert.ok(new Date((await lease()).spec!.renewTime as unknown as string).getTime() > first, 'flytepropeller did not renew its lease');
});

test('flytepropeller killed: once its lease expired, check fails (exit 3) naming cluster-1: "flytepropeller is not running"', async () => {
  assert.ok(propeller && !propeller.service.exited, 'flytepropeller is not running to begin with');
  await propeller!.service.kill();
  const killed = Date.now();
  assert.ok(propeller!.service.exited, 'it ended');
  let r: ProcResult;
  for (;;) {
    r = await flytemc(['check', ...hub(), '-o', 'json']);
    if (r.code !== 0 || Date.now() - killed > 60_000) break;
    await new Promise((res) => setTimeout(res, 1_000));
  }
  const after = (Date.now() - killed) / 1000;
  figures.push(['killed until check failed', `${after.toFixed(1)} s`]);
  assert.is(r.code, 3, show(r));
  // not before the lease (15 s) expired: check read the lease, it did not guess
  assert.ok(after >= 15, `check failed ${after} s after the kill, before the 15 s lease could expire`);
  const row = (JSON.parse(r.stdout) as Report).clusters.find((c) => c.name === 'cluster-1')!;
  assert.is(row.verdict, 'fail');
  const alive = row.findings.find((f) => f.check === 'alive')!;
  assert.is(alive.ok, false);
  assert.match(alive.problem!, /^flytepropeller is not running: its leader Lease flyte\/propeller-leader was last renewed \d+ s ago/);
  assert.equal(
    row.findings.filter((f) => f.ok === false).map((f) => f.check),
    ['alive'],
    'only the liveness fails',
  );
  const table = await flytemc(['check', ...hub()]);
  assert.is(table.code, 3);
  assert.match(table.stdout, /^cluster-1 +https:\/\/\S+ +yes +yes +yes +yes +yes +NO +yes +yes +yes +- +FAIL$/m, table.stdout);
  assert.match(table.stdout, /error: cluster cluster-1 \(alive, context cluster-1\): flytepropeller is not running/);
  assert.match(table.stdout, /1 of 1 cluster FAIL/);
});

test.after(async () => {
  await propeller?.service.kill();
  await set?.stop();
  console.log(`\n  propeller figures:\n${figures.map(([k, v]) => `    ${k.padEnd(50)} ${v}`).join('\n')}`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test.run();
