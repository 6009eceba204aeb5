// Real-Kubernetes harness: two clusters on loopback, the real token controller, the
// real API server's validation, and a clean teardown.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { load } from 'js-yaml';
import { isRunning, startClusters, stopClusters, withClusters, type ClusterSet } from './harness/cluster.ts';
import { expectApiError, kubeConfigFor, tokenKubeConfig, waitForTokenSecret, whoAmI } from './harness/kube.ts';
import { cachedBinaries, ensureBinaries } from './harness/build.ts';

test('binaries are cached by version and report it', async () => {
  const b = await ensureBinaries();
  assert.ok(cachedBinaries(), 'cached after ensureBinaries');
  assert.ok(b.dir.includes(`k8s-${b.version}`), b.dir);
  const v = spawnSync(b.kubeApiserver, ['--version'], { encoding: 'utf8' });
  assert.is(v.stdout.trim(), `Kubernetes ${b.version}`);
});

test('two clusters: token Secrets are filled by the real controller and only work on their own cluster', async () => {
  await withClusters(2, async (set: ClusterSet) => {
    const [a, b] = set.clusters as [ClusterSet['clusters'][0], ClusterSet['clusters'][0]];
    assert.equal(
      set.clusters.map((c) => c.context),
      ['cluster-0', 'cluster-1'],
    );
    assert.match(a.server, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.is.not(a.server, b.server);
    assert.is.not(a.caPem, b.caPem);

    // kubeconfig: one admin context per cluster, the first current
    const kcFile = load(readFileSync(set.kubeconfigPath, 'utf8')) as { 'current-context': string; contexts: { name: string }[] };
    assert.is(kcFile['current-context'], 'cluster-0');
    assert.equal(
      kcFile.contexts.map((c) => c.name),
      ['cluster-0', 'cluster-1'],
    );
    const fromFile = new KubeConfig();
    fromFile.loadFromFile(set.kubeconfigPath);
    assert.is(fromFile.getCurrentCluster()?.server, a.server);

    const admin = kubeConfigFor(b);
    assert.is(await whoAmI(admin), 'flytemc-admin');
    const core = admin.makeApiClient(CoreV1Api);
    const namespace = 'flyte';
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'flyteadmin' } } });
    await core.createNamespacedSecret({
      namespace,
      body: {
        metadata: { name: 'flyteadmin-token', annotations: { 'kubernetes.io/service-account.name': 'flyteadmin' } },
        type: 'kubernetes.io/service-account-token',
      },
    });
    const { token, caCrt } = await waitForTokenSecret(admin, namespace, 'flyteadmin-token', 30_000);
    assert.is(caCrt, b.caPem, 'ca.crt is the cluster CA (--root-ca-file)');
    assert.ok(token.split('.').length === 3, 'a JWT');

    // the token authenticates against its own cluster ...
    assert.is(await whoAmI(tokenKubeConfig(b, token, caCrt)), 'system:serviceaccount:flyte:flyteadmin');
    // ... RBAC applies to it (no role bound: reading Secrets is forbidden) ...
    const denied = await expectApiError(() => tokenKubeConfig(b, token).makeApiClient(CoreV1Api).listNamespacedSecret({ namespace }));
    assert.is(denied.status, 403);
    // ... and not against the other cluster
    const foreign = await expectApiError(() => whoAmI(tokenKubeConfig(a, token)));
    assert.is(foreign.status, 401);

    // the guide's Secret name is rejected by the real API server
    const invalid = await expectApiError(() =>
      core.createNamespacedSecret({
        namespace,
        body: { metadata: { name: 'cluster_credentials' }, type: 'Opaque', stringData: { token } },
      }),
    );
    assert.is(invalid.status, 422);
    assert.match(invalid.message, /cluster_credentials/);
    assert.match(invalid.message, /RFC 1123 subdomain/);

    // the clusters are independent: the namespace exists only in b
    const other = await expectApiError(() => kubeConfigFor(a).makeApiClient(CoreV1Api).readNamespace({ name: namespace }));
    assert.is(other.status, 404);
  });
});

test('stop leaves nothing running; stopClusters is idempotent; a busy dir is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-harness-test-'));
  try {
    const set = await startClusters({ dir, names: ['hub', 'member'] });
    assert.equal(
      set.clusters.map((c) => c.context),
      ['hub', 'member'],
    );
    assert.is(set.processes.length, 6);
    assert.ok(set.processes.every(isRunning));
    assert.ok(existsSync(join(dir, 'state.json')));
    let refused = '';
    try {
      await startClusters({ dir, n: 1, names: ['hub'] });
    } catch (e) {
      refused = (e as Error).message;
    }
    assert.match(refused, /already running/);
    assert.match(refused, /down --dir/);

    // stopClusters (what `npm run clusters -- down` does) from the state file
    assert.is(await stopClusters(dir), 6);
    assert.ok(
      set.processes.every((p) => !isRunning(p)),
      'no process remains',
    );
    assert.is(await stopClusters(dir), 0, 'idempotent');
    await set.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failing component gives a clear error with its log, and nothing is left behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-harness-test-'));
  try {
    const b = await ensureBinaries();
    let msg = '';
    try {
      // etcd exits at once on an unknown flag... here: a controller manager binary that is not one
      await startClusters({ dir, n: 1, binaries: { ...b, kubeControllerManager: '/bin/false' }, timeoutMs: 20_000 });
    } catch (e) {
      msg = (e as Error).message;
    }
    assert.match(msg, /cluster-0: kube-controller-manager stopped \(exit code 1\)/);
    assert.match(msg, /last lines of .*kube-controller-manager\.log/);
    assert.not.ok(existsSync(join(dir, 'state.json')));
    const leftovers = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' }).stdout.trim();
    assert.is(leftovers, '', 'no process of this dir remains');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a port taken between picking and binding is retried on new ports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-harness-test-'));
  try {
    const b = await ensureBinaries();
    // an etcd that fails like a port clash the first time, then is the real one
    const fake = join(dir, 'etcd-once');
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ ! -e "${dir}/clashed" ]; then : > "${dir}/clashed"; echo "listen tcp 127.0.0.1:1: bind: address already in use" >&2; exit 1; fi\nexec "${b.etcd}" "$@"\n`,
      { mode: 0o755 },
    );
    const lines: string[] = [];
    const set = await startClusters({ dir, n: 1, binaries: { ...b, etcd: fake }, log: (l) => lines.push(l) });
    try {
      assert.ok(existsSync(join(dir, 'clashed')));
      assert.ok(
        lines.some((l) => /starting again on new ports/.test(l)),
        lines.join('\n'),
      );
      assert.is(set.processes.length, 3);
      assert.is(await whoAmI(kubeConfigFor(set.clusters[0]!)), 'flytemc-admin');
    } finally {
      await set.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
