// Operating through FlyteAdmin, against the REAL FlyteAdmin, DataCatalog and FlytePropeller v1.16.8
// (../shared/flyte) on harness clusters cp (the control plane), dp1 and dp2, installed with
// flytemc's own commands (Helm 4) and run from what the API servers store (test/flyte). Work is
// kept from ending by stopping dp1's flytepropeller: its executions stay UNDEFINED. What it proves:
//   - labels apply makes executions with no label go to a cluster the fallback would not have
//     picked (launched), --prune removes a label flytemc applied before and keeps one set by hand,
//     a second apply reports no change, diff exits 3 on drift; bad input writes nothing;
//   - unjoin of dp1 while executions run there is refused and names them;
//   - cordon --upgrade, then drain with work left times out listing it; after the cordon,
//     executions `routes` predicted for dp1 go to dp2;
//   - FlyteAdmin stopping mid-drain: exit 3, the cordon stays, the message says how to resume;
//   - drain of a cluster not joined, or of the last enabled one: refused, nothing changed;
//   - drain passes once dp1's flytepropeller is back and the work is done;
//   - uncordon --upgrade: dp1 takes work again; drain --abort aborts it (said first) on a cordoned
//     cluster; unjoin then goes ahead.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CoreV1Api } from '@kubernetes/client-node';
import { freePorts, startClusters, type ClusterSet } from './harness/cluster.ts';
import { kubeConfigFor } from './harness/kube.ts';
import { prepareChart } from './helpers/helm.ts';
import { Transcript, findLeaks } from './helpers/e2e.ts';
import { NS, podDir, prepareSite, startControlPlane, type ControlPlane, type Site } from './flyte/flyte.ts';
import { startPropeller, type Propeller } from './flyte/propeller.ts';
import { flytemcAs, helmAs, pluginUser, predict, rolloutWhen, type User } from './flyte/operator.ts';
import { launch, placedOn, waitEnded, type Run } from './flyte/executions.ts';
import { Figures, secs, show } from './helpers/figures.ts';
import { FlyteAdmin, type LabelAttribute } from '../plugin/flyteadmin/client.ts';
import { runningOn } from '../plugin/flyteadmin/drain.ts';
import { executionNames } from '../plugin/config/routes.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-day2-'));
const figures = new Figures();
const timed = <T>(label: string, fn: () => Promise<T>) => figures.timed(label, fn);
/** Outputs printed at the end (the saved log of this file is where the docs take their samples from). */
const samples: Array<[string, string]> = [];
const sample = (command: string, r: { stdout: string; stderr: string; code: number }) => samples.push([command, `${r.stdout}${r.stderr}[exit ${r.code}]`]);

let set: ClusterSet;
let site: Site;
let cp: ControlPlane;
let user: User;
const propellers: Record<string, Propeller> = {};
const transcript = new Transcript();
const files = {
  shared: join(work, 'shared-values.yaml'),
  host: join(work, 'host-values.yaml'),
  my: join(work, 'my-values.yaml'),
  labels: join(work, 'labels.yaml'),
};
const cluster = (name: string) => set.clusters.find((c) => c.name === name)!;
const kc = (name: string) => kubeConfigFor(cluster(name));
const flytemc = (args: string[], o: Parameters<typeof flytemcAs>[3] = {}) => flytemcAs(user, args, work, o);
const admin = () => new FlyteAdmin({ url: site.adminUrl, timeoutMs: 15_000 });
const hub = ['--kube-context', 'cp', '-n', NS];
const controlPlane = () => ['-f', files.shared, '-f', files.my, '-f', files.host];
const drainArgs = (name: string) => ['drain', name, '--admin', site.adminUrl, ...hub, ...controlPlane()];
const myValues = () =>
  yaml.load(readFileSync(files.my, 'utf8')) as { multicluster: { clusters: { clusterConfigs: Array<{ name: string; enabled: boolean }> } } };
const enabledIn = () => Object.fromEntries(myValues().multicluster.clusters.clusterConfigs.map((c) => [c.name, c.enabled]));

/** `count` names that `routes --execution` (on the values now) sends to `to` for every one of `labels` ('(none)': no label). */
async function namesTo(to: string, labels: string[], count: number): Promise<string[]> {
  const out: string[] = [];
  for (let seed = 0; out.length < count; seed++) {
    const names = executionNames(40, `day2-${Date.now()}-${seed}`);
    const p = await predict((a) => flytemc(a), [files.my], names);
    out.push(...names.filter((n) => labels.every((l) => p.get(n)!.get(l) === to)));
  }
  return out.slice(0, count);
}

/** The execution cluster label attributes FlyteAdmin holds, as `project/domain[/workflow]=label`. */
const attributes = async () =>
  (await admin().executionLabels()).map((a: LabelAttribute) => `${a.project}/${a.domain}${a.workflow ? `/${a.workflow}` : ''}=${a.label}`).sort();

/** Output of a running command (onOutput), and `until` it printed a text on a stream. */
function watcher() {
  const seen = { stdout: '', stderr: '' };
  const waiting: Array<{ stream: 'stdout' | 'stderr'; text: string; done: () => void }> = [];
  return {
    onOutput: (stream: 'stdout' | 'stderr', text: string) => {
      seen[stream] += text;
      for (const w of waiting.filter((x) => seen[x.stream].includes(x.text))) {
        w.done();
        waiting.splice(waiting.indexOf(w), 1);
      }
    },
    until: (stream: 'stdout' | 'stderr', text: string, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        if (seen[stream].includes(text)) return resolve();
        const t = setTimeout(() => reject(new Error(`never printed ${JSON.stringify(text)} on ${stream}:\n${seen.stdout}\n${seen.stderr}`)), timeoutMs);
        waiting.push({
          stream,
          text,
          done: () => {
            clearTimeout(t);
            resolve();
          },
        });
      }),
  };
}

const holds: Run[] = [];

test.before(async () => {
  prepareChart();
  [set, site] = await timed('start 3 clusters, PostgreSQL, unpack the programs', () =>
    Promise.all([startClusters({ names: ['cp', 'dp1', 'dp2'], dir: join(work, 'clusters') }), prepareSite(work)]),
  );
  writeFileSync(files.shared, yaml.dump(site.sharedValues));
  writeFileSync(files.host, yaml.dump(site.hostValues));
  writeFileSync(files.my, yaml.dump({ multicluster: { clusters: {} } }));
  user = await pluginUser(join(work, 'user'), 4, set.kubeconfigPath, transcript);
});

test.after(async () => {
  await Promise.allSettled(Object.values(propellers).map((p) => p.stop()));
  await cp?.stop().catch(() => {});
  await site?.pg.stop().catch(() => {});
  await set?.stop();
  figures.print('day 2 through the real FlyteAdmin');
  const relative = (t: string) => t.split(`${work}/`).join('');
  for (const [command, out] of samples) process.stdout.write(`\n  sample: $ ${relative(command)}\n${relative(out).replace(/^/gm, '    ')}\n`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test('install two data planes, join them (team1 split, a pin label each), the control plane; the real Flyte runs; smoke registers the echo workflow and passes', async () => {
  await timed('install 2 data planes, join them, the control plane (Helm 4)', async () => {
    for (const dp of ['dp1', 'dp2']) {
      const r = await helmAs(
        user,
        ['flytemc', 'install', 'data-plane', '--name', dp, '--kube-context', dp, '-n', NS, '--create-namespace', '-f', files.shared],
        work,
      );
      assert.is(r.code, 0, `${dp}: ${show(r)}`);
      const j = await flytemc(['join', dp, ...hub, '--values', files.my, '--label', 'team1=0.5']);
      assert.is(j.code, 0, `${dp}: ${show(j)}`);
    }
    const r = await helmAs(user, ['flytemc', 'install', 'control-plane', ...hub, ...controlPlane()], work);
    assert.is(r.code, 0, show(r));
  });
  cp = await timed('FlyteAdmin and DataCatalog up', () => startControlPlane(site, cluster('cp')));
  for (const dp of ['dp1', 'dp2'])
    propellers[dp] = await startPropeller({ cluster: cluster(dp), root: site.root, dir: podDir(site.root, dp, 'flytepropeller'), bins: site.bins });
  const smoke = await timed('smoke on dp1 and dp2', () => flytemc(['smoke', '--admin', site.adminUrl, ...hub]));
  assert.is(smoke.code, 0, show(smoke));
});

test('labels as code: apply makes executions with no label go where the fallback would not; --prune removes only what flytemc applied; a second apply changes nothing; diff exits 3 on drift', async () => {
  // set by hand, as `flytectl update execution-cluster-label` would: not flytemc's
  await admin().setExecutionLabel({ project: 'flytetester', domain: 'development', label: 'team1' });
  const fallbackDp1 = await namesTo('dp1', ['(none)'], 3);
  const v1 = {
    multicluster: {
      executionLabels: [
        { project: 'flytesnacks', domain: 'development', label: 'pin-dp2' },
        { project: 'flyteexamples', domain: 'development', label: 'pin-dp1' },
      ],
    },
  };
  writeFileSync(files.labels, yaml.dump(v1));
  const labels = (verb: string, ...extra: string[]) =>
    flytemc(['labels', verb, '--admin', site.adminUrl, '-f', files.my, '-f', files.labels, ...hub, ...extra]);

  const drift = await labels('diff');
  assert.is(drift.code, 3, show(drift));
  assert.match(drift.stdout, /add\s+flyteexamples\s+development\s+-\s+pin-dp1/);
  assert.match(drift.stdout, /keep\s+flytetester\s+development\s+team1\s+-\s+not set by flytemc: kept \(--prune-all removes it\)/);
  assert.match(
    drift.stderr,
    /error: FlyteAdmin .*: its execution cluster labels differ from .* \(2 to add, 0 to change, 0 to remove, 0 unchanged, 1 kept\)\n\s+fix: apply the values: flytemc labels apply/,
  );
  const dry = await labels('apply', '--dry-run');
  assert.is(dry.code, 0, show(dry));
  assert.match(dry.stdout, 'dry run: nothing was changed');
  assert.equal(await attributes(), ['flytetester/development=team1']);

  const applied = await timed('labels apply (2 attributes)', () => labels('apply'));
  assert.is(applied.code, 0, show(applied));
  assert.match(applied.stdout, /applied 2 changes to FlyteAdmin \(recorded in hub cp ConfigMap flyte\/flytemc-execution-labels\)/);
  assert.equal(await attributes(), ['flyteexamples/development=pin-dp1', 'flytesnacks/development=pin-dp2', 'flytetester/development=team1']);
  // no label: the fallback (all enabled clusters) would have picked dp1 for these names; the attribute sends them to dp2
  const placed = await launch(
    admin(),
    fallbackDp1.map((name) => ({ name })),
  );
  assert.equal([...placed.values()].map(placedOn), ['dp2', 'dp2', 'dp2'], 'launched without a label, placed by the attribute');

  // flyteexamples leaves the values: kept (and listed) without --prune, removed with it; the hand-set one stays
  writeFileSync(files.labels, yaml.dump({ multicluster: { executionLabels: [v1.multicluster.executionLabels[0]] } }));
  const kept = await labels('apply');
  assert.is(kept.code, 0, show(kept));
  assert.match(kept.stdout, /keep\s+flyteexamples\s+development\s+pin-dp1\s+-\s+applied by flytemc, no longer in the values: --prune removes it/);
  assert.match(kept.stdout, "no change: FlyteAdmin's execution cluster labels match the values");
  const pruned = await labels('apply', '--prune');
  sample(`flytemc labels apply --admin ${site.adminUrl} -f ${files.my} -f ${files.labels} --kube-context cp -n flyte --prune`, pruned);
  assert.is(pruned.code, 0, show(pruned));
  assert.match(pruned.stdout, /remove\s+flyteexamples\s+development\s+pin-dp1\s+-\s+applied by flytemc, no longer in the values/);
  assert.equal(await attributes(), ['flytesnacks/development=pin-dp2', 'flytetester/development=team1']);
  const again = await labels('apply', '--prune');
  assert.is(again.code, 0, show(again));
  assert.match(again.stdout, "0 to add, 0 to change, 0 to remove, 1 unchanged, 1 kept\nno change: FlyteAdmin's execution cluster labels match the values\n");
  assert.is((await labels('diff', '--prune')).code, 0);
  const record = await kc('cp').makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'flytemc-execution-labels', namespace: NS });
  assert.equal(yaml.load(record.data!['applied.yaml']!), [{ project: 'flytesnacks', domain: 'development' }]);

  // bad input: nothing written, FlyteAdmin's attributes and the record as they were
  const before = await attributes();
  const bad = async (entries: object[], myFile = files.my) => {
    writeFileSync(files.labels, yaml.dump({ multicluster: { executionLabels: entries } }));
    return flytemc(['labels', 'apply', '--admin', site.adminUrl, '-f', myFile, '-f', files.labels, ...hub, '--prune']);
  };
  const nosuch = await bad([
    { project: 'nosuch', domain: 'development', label: 'pin-dp2' },
    { project: 'flytesnacks', domain: 'development', label: 'pin-dp2' },
  ]);
  assert.is(nosuch.code, 1, show(nosuch));
  assert.match(
    nosuch.stderr,
    /labels\.yaml:\d+ \(\/multicluster\/executionLabels\/0\): FlyteAdmin http:\S+ has no project "nosuch" \(it has flyteexamples, flytesnacks, flytetester\), so it would refuse this label/,
  );
  assert.is(nosuch.stdout, '');
  const unrouted = await bad([{ project: 'flytesnacks', domain: 'development', label: 'team9' }]);
  assert.is(unrouted.code, 1, show(unrouted));
  assert.match(unrouted.stderr, /"team9" is not a label of multicluster\.clusters\.labelClusterMap/);
  const notDeployed = join(work, 'my-values-new-label.yaml');
  const withNew = myValues() as unknown as { multicluster: { clusters: { labelClusterMap: Record<string, unknown> } } };
  withNew.multicluster.clusters.labelClusterMap.gpu = [{ id: 'dp2', weight: 1 }];
  writeFileSync(notDeployed, yaml.dump(withNew));
  const undeployed = await bad([{ project: 'flytesnacks', domain: 'development', label: 'gpu' }], notDeployed);
  assert.is(undeployed.code, 1, show(undeployed));
  assert.match(undeployed.stderr, /"gpu" is not a label of FlyteAdmin's deployed config \(hub ConfigMap flyte\/flyte-admin-clusters-config\)\.labelClusterMap/);
  assert.equal(await attributes(), before, 'nothing written by bad input');
  assert.equal(
    yaml.load((await kc('cp').makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'flytemc-execution-labels', namespace: NS })).data!['applied.yaml']!),
    [{ project: 'flytesnacks', domain: 'development' }],
  );

  // back to no label of flytemc's: an empty list with --prune
  writeFileSync(files.labels, yaml.dump({ multicluster: { executionLabels: [] } }));
  assert.is((await labels('apply', '--prune')).code, 0);
  assert.equal(await attributes(), ['flytetester/development=team1']);
});

test('unjoin of dp1 while executions run there (its flytepropeller stopped) is refused and names them (two projects, paged through); nothing changed', async () => {
  await propellers.dp1!.stop();
  const names = executionNames(3, `hold-${Date.now()}`);
  holds.push(
    { name: names[0]!, label: 'pin-dp1' },
    { name: names[1]!, label: 'pin-dp1' },
    { name: names[2]!, label: 'pin-dp1', project: 'flyteexamples', domain: 'staging' },
  );
  const placed = await launch(admin(), holds);
  assert.equal([...placed.values()].map(placedOn), ['dp1', 'dp1', 'dp1']);
  // FlyteAdmin's pages, one item each: the same three
  const paged = await runningOn(new FlyteAdmin({ url: site.adminUrl, timeoutMs: 15_000, pageSize: 1 }), 'dp1');
  assert.equal(paged.map((e) => e.name).sort(), [...names].sort());
  const before = readFileSync(files.my, 'utf8');
  const u = await flytemc(['unjoin', 'dp1', ...hub, '--values', files.my, '--admin', site.adminUrl]);
  sample(`flytemc unjoin dp1 --kube-context cp -n flyte --values ${files.my} --admin ${site.adminUrl}`, u);
  assert.is(u.code, 1, show(u));
  for (const h of holds) assert.match(u.stderr, `${h.project ?? 'flytesnacks'}/${h.domain ?? 'development'}/${h.name} (UNDEFINED, `);
  assert.match(
    u.stderr,
    /3 executions have not ended on dp1: .*nothing was changed\n\s+fix: drain it first .*: flytemc drain dp1 --admin http:\S+ --kube-context cp -n flyte -f \S+my-values\.yaml \(after the control plane's other -f files\); then rerun this unjoin/,
  );
  assert.is(readFileSync(files.my, 'utf8'), before);
});

test('cordon --upgrade, then drain with work left: it waits for FlyteAdmin to run the cordon, then times out listing the work; executions routes predicted for dp1 now go to dp2', async () => {
  const toDp1 = await namesTo('dp1', ['team1', '(none)'], 2);
  const pinned = executionNames(1, `pin-${Date.now()}`)[0]!;
  const c = await timed('cordon --upgrade', async () => {
    const cordoning = flytemc(['cordon', 'dp1', ...hub, ...controlPlane(), '--upgrade']);
    const played = rolloutWhen(cp, kc('cp'), 'dp1', false); // the Deployment controller's part, once the upgrade landed
    const out = await cordoning;
    await played;
    return out;
  });
  sample(`flytemc cordon dp1 --kube-context cp -n flyte -f ${files.shared} -f ${files.my} -f ${files.host} --upgrade`, {
    ...c,
    stdout: c.stdout.replace(/\nNAME: flyte\n[\s\S]*?\n(?=the control plane is upgraded)/, '\n…\n'),
  });
  assert.is(c.code, 0, show(c));
  assert.match(c.stdout, /dp1 is cordoned in \S+my-values\.yaml \(enabled: false\)/);
  assert.match(c.stdout, /labels with no other enabled cluster, .*: pin-dp1\n/);
  assert.match(c.stdout, 'Release "flyte" has been upgraded');
  assert.match(c.stdout, 'then wait until nothing runs on dp1 (or abort it with --abort):\n  flytemc drain dp1 --admin URL --kube-context cp -n flyte -f ');
  const r = await timed('drain with work left, --timeout 15s', () => flytemc([...drainArgs('dp1'), '--timeout', '15s']));
  sample(`flytemc drain dp1 --admin ${site.adminUrl} --kube-context cp -n flyte -f ${files.shared} -f ${files.my} -f ${files.host} --timeout 15s`, r);
  assert.is(r.code, 3, show(r));
  assert.match(r.stdout, /PROJECT\s+DOMAIN\s+EXECUTION\s+PHASE\s+AGE\n/);
  for (const h of holds)
    assert.match(r.stdout, new RegExp(`${h.project ?? 'flytesnacks'}\\s+${h.domain ?? 'development'}\\s+${h.name}\\s+UNDEFINED\\s+\\S+\\n`));
  assert.match(
    r.stderr,
    /error: FlyteAdmin http:\S+: 3 executions on dp1 had not ended after 1\d\.\d s .*; dp1 stays cordoned in \S+my-values\.yaml\n\s+fix: wait longer .* or abort them: flytemc drain dp1 .* --abort/,
  );
  assert.not.match(r.stderr, 'nothing was written');
  assert.equal(enabledIn(), { dp1: false, dp2: true });

  // where routes predicted dp1 before the cordon, FlyteAdmin now picks dp2; routes on the cordoned values agrees
  const after = await predict((a) => flytemc(a), [files.my], [...toDp1, pinned]);
  for (const n of toDp1) assert.equal([after.get(n)!.get('team1'), after.get(n)!.get('(none)')], ['dp2', 'dp2'], n);
  assert.is(after.get(pinned)!.get('pin-dp1'), 'dp2');
  const fallback = await flytemc(['routes', '-f', files.my, '--label', 'pin-dp1', '--execution', pinned]);
  assert.match(
    fallback.stdout,
    /label pin-dp1: dropped: none of its clusters is enabled, so FlyteAdmin uses all enabled clusters\n\s+CLUSTER\s+SHARE\n\s+dp2\s+100\.0%/,
  );
  const runs: Run[] = [{ name: toDp1[0]!, label: 'team1' }, { name: toDp1[1]! }, { name: pinned, label: 'pin-dp1' }];
  const placed = await launch(admin(), runs);
  assert.equal(
    [...placed.values()].map((e) => `${e.id.name} ${placedOn(e)}`),
    runs.map((x) => `${x.name} dp2`),
  );
  figures.push(['executions after the cordon, predicted dp1 before', `${runs.length}, all on dp2`]);
});

test('FlyteAdmin stopping mid-drain: exit 3, the cordon stays, the message says so and how to resume; bad input: a cluster not joined, the last enabled one, FlyteAdmin not there', async () => {
  const w = watcher();
  const draining = flytemc([...drainArgs('dp1'), '--timeout', '60s'], { env: { FLYTEMC_PROGRESS: '1' }, onOutput: w.onOutput });
  await w.until('stderr', 'not ended');
  await cp.admin.stop();
  const r = await draining;
  assert.is(r.code, 3, show(r));
  assert.match(
    r.stderr,
    /error: FlyteAdmin http:\S+: cannot reach FlyteAdmin at http:\S+: ECONNREFUSED, so the drain of dp1 stopped; dp1 stays cordoned in \S+my-values\.yaml: FlyteAdmin sends it no new execution, and what runs there keeps running\n\s+fix: check --admin.*Then resume: flytemc drain dp1 --admin http:\S+ --kube-context cp -n flyte -f \S+ -f \S+ -f \S+ \(or undo the cordon: flytemc uncordon dp1 .* --upgrade\)/,
  );
  assert.not.match(r.stderr, 'nothing was written');
  assert.equal(enabledIn(), { dp1: false, dp2: true });
  await cp.restartAdmin();

  const before = readFileSync(files.my, 'utf8');
  const nope = await flytemc(drainArgs('dp9'));
  assert.is(nope.code, 1, show(nope));
  assert.match(nope.stderr, /has no cluster "dp9" .*: dp9 is not joined to this control plane; nothing was changed\n\s+fix: name one of: dp1, dp2/);
  const last = await flytemc(drainArgs('dp2'));
  assert.is(last.code, 1, show(last));
  assert.match(last.stderr, /dp2 is the last enabled cluster: cordoned, FlyteAdmin could run no execution anywhere.*; nothing was changed/);
  const closed = `http://127.0.0.1:${(await freePorts(1))[0]}`;
  const gone = await flytemc(['drain', 'dp1', '--admin', closed, ...hub, ...controlPlane()]);
  assert.is(gone.code, 3, show(gone));
  assert.match(gone.stderr, /cannot reach FlyteAdmin at http:\S+: ECONNREFUSED; the drain changed nothing/);
  assert.is(readFileSync(files.my, 'utf8'), before);
});

test('drain passes once dp1’s flytepropeller is back and the work is done', async () => {
  await propellers.dp1!.restart();
  const r = await timed('drain once the propeller is back (work ends)', () => flytemc([...drainArgs('dp1'), '--timeout', '90s']));
  sample(`flytemc drain dp1 --admin ${site.adminUrl} --kube-context cp -n flyte -f ${files.shared} -f ${files.my} -f ${files.host} --timeout 90s`, r);
  assert.is(r.code, 0, show(r));
  assert.match(
    r.stdout,
    /dp1 is drained: FlyteAdmin lists no execution there that has not ended \(every project and domain; waited (\d+\.\d) s\)\. dp1 stays cordoned/,
  );
  figures.push(['drain: waited for the work to end', `${/waited (\d+\.\d) s/.exec(r.stdout)![1]} s`]);
  const ended = await waitEnded(admin(), holds, 5_000);
  assert.equal(
    [...ended.values()].map((e) => e.closure.phase),
    ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'],
  );
});

test('uncordon --upgrade: dp1 takes work again; drain --abort on it (its propeller stopped) says so first, aborts, and passes once the propeller confirms; unjoin then goes ahead', async () => {
  const u = await timed('uncordon --upgrade', async () => {
    const running = flytemc(['uncordon', 'dp1', ...hub, ...controlPlane(), '--upgrade']);
    await rolloutWhen(cp, kc('cp'), 'dp1', true);
    return running;
  });
  assert.is(u.code, 0, show(u));
  assert.match(u.stdout, 'labels that route to dp1 again: pin-dp1');
  await propellers.dp1!.stop();
  const runs = executionNames(2, `abort-${Date.now()}`).map((name) => ({ name, label: 'pin-dp1' }));
  assert.equal([...(await launch(admin(), runs)).values()].map(placedOn), ['dp1', 'dp1'], 'uncordoned: dp1 takes new executions');

  const w = watcher();
  const t = performance.now();
  const draining = flytemc([...drainArgs('dp1'), '--upgrade', '--abort', '--timeout', '90s'], { onOutput: w.onOutput });
  await rolloutWhen(cp, kc('cp'), 'dp1', false);
  await w.until('stdout', 'aborting 2 executions on dp1 (--abort)');
  await propellers.dp1!.restart(); // it deletes the aborted workflows and reports ABORTED
  const r = await draining;
  sample(
    `flytemc drain dp1 --admin ${site.adminUrl} --kube-context cp -n flyte -f ${files.shared} -f ${files.my} -f ${files.host} --upgrade --abort --timeout 90s`,
    {
      ...r,
      stdout: r.stdout.replace(/\nNAME: flyte\n[\s\S]*?\n(?=aborting)/, '\n…\n'),
    },
  );
  figures.push(['drain --upgrade --abort (2 executions, propeller restarted)', secs(performance.now() - t)]);
  assert.is(r.code, 0, show(r));
  assert.ok(r.stdout.indexOf('aborting 2 executions') < r.stdout.indexOf('dp1 is drained'), r.stdout);
  assert.match(r.stdout, /dp1 is drained: .*2 aborted, waited/);
  const ended = await waitEnded(admin(), runs, 5_000);
  assert.equal(
    [...ended.values()].map((e) => e.closure.phase),
    ['ABORTED', 'ABORTED'],
  );

  const un = await flytemc(['unjoin', 'dp1', ...hub, '--values', files.my, '--admin', site.adminUrl]);
  assert.is(un.code, 0, show(un));
  assert.match(un.stdout, 'phase 1 of 2 done: dp1 is out of');
});

test('no data-plane token in any output of the file', async () => {
  const data = (await kc('cp').makeApiClient(CoreV1Api).readNamespacedSecret({ name: 'cluster-credentials', namespace: NS })).data ?? {};
  const secrets = ['dp1', 'dp2'].map((dp) => ({ name: `${dp} token`, value: Buffer.from(data[`${dp}_token`]!, 'base64').toString() }));
  assert.ok(transcript.streams.length > 30, `${transcript.streams.length} streams`);
  assert.equal(findLeaks(transcript.streams, secrets), []);
});

test.run();
