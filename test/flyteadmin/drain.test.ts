// plugin/flyteadmin/drain.ts against a fake of its own interface (ExecutionsApi) and fake steps:
// the order (FlyteAdmin reached before the cordon, the cordon before any wait, no listing before
// FlyteAdmin runs the cordon), every project and domain asked, other clusters and ended executions
// not counted, the timeout with the work left, FlyteAdmin failing before the cordon (nothing
// changed) and part way (the cordon kept, the resume command), --abort said before anything is
// aborted and each aborted once. The command against the real FlyteAdmin: test/flyte-day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { AdminError, type Execution, type ExecutionId } from '../../plugin/flyteadmin/client.ts';
import { age, drain, runningOn, type DrainSteps, type ExecutionsApi } from '../../plugin/flyteadmin/drain.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';

interface Run {
  project: string;
  domain: string;
  name: string;
  cluster: string;
  phase: string;
  /** Listings until it ends by itself (SUCCEEDED); undefined: never. */
  endsAfter?: number;
  /** Listings until an abort lands (its flytepropeller reports ABORTED); undefined: never. */
  abortsAfter?: number;
}

/** FlyteAdmin as drain sees it; `log` records every call in order, `failAt` makes the n-th call (0-based) fail. */
class FakeAdmin implements ExecutionsApi {
  readonly url = 'http://admin.test';
  readonly log: string[] = [];
  failAt: number | undefined;
  failWith: AdminError = new AdminError('unreachable', 'cannot reach FlyteAdmin at http://admin.test: ECONNREFUSED');
  readonly aborted: string[] = [];
  constructor(
    readonly runs: Run[],
    readonly projects_ = [
      { id: 'p1', domains: [{ id: 'development' }, { id: 'production' }] },
      { id: 'p2', domains: [{ id: 'development' }] },
    ],
  ) {}
  private called(what: string): void {
    const n = this.log.length;
    this.log.push(what);
    if (this.failAt === n) throw this.failWith;
  }
  async projects() {
    this.called('projects');
    return this.projects_;
  }
  async executions(project: string, domain: string, filters?: string): Promise<Execution[]> {
    this.called(`executions ${project}/${domain} ${filters ?? ''}`);
    // FlyteAdmin answers the page it has: this fake applies no filter, so drain's own check is what counts
    return this.runs
      .filter((r) => r.project === project && r.domain === domain)
      .map((r) => {
        if (r.endsAfter !== undefined && r.endsAfter-- <= 0 && r.phase !== 'ABORTING') r.phase = 'SUCCEEDED';
        if (r.phase === 'ABORTING' && r.abortsAfter !== undefined && r.abortsAfter-- <= 0) r.phase = 'ABORTED';
        return {
          id: { project: r.project, domain: r.domain, name: r.name },
          spec: { metadata: { system_metadata: { execution_cluster: r.cluster } } },
          closure: { phase: r.phase, created_at: '2026-12-01T10:00:00Z' },
        };
      });
  }
  async terminate(id: ExecutionId, _cause: string): Promise<void> {
    this.called(`terminate ${id.project}/${id.domain}/${id.name}`);
    const r = this.runs.find((x) => x.project === id.project && x.domain === id.domain && x.name === id.name)!;
    if (['SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT'].includes(r.phase))
      throw new AdminError('invalid', 'Cannot abort an already terminated workflow execution', 400);
    r.phase = 'ABORTING';
    this.aborted.push(id.name);
  }
}

/** The cordon and FlyteAdmin's view of it: in effect after `pendingFor` looks. */
function steps(admin: FakeAdmin, pendingFor = 0): DrainSteps & { cordons: number } {
  const s = {
    cordons: 0,
    async cordon() {
      s.cordons++;
      admin.log.push('cordon');
    },
    async pending() {
      admin.log.push('pending?');
      return pendingFor-- > 0 ? 'the deployed config still has dp1 enabled' : undefined;
    },
  };
  return s;
}

const opts = (o: Partial<Parameters<typeof drain>[2]> = {}): Parameters<typeof drain>[2] => ({
  cluster: 'dp1',
  timeoutMs: 200,
  pollMs: 1,
  abort: false,
  resume: 'flytemc drain dp1 --admin http://admin.test -f v.yaml',
  undo: 'flytemc uncordon dp1 -f v.yaml --upgrade',
  cordonNote: () => 'dp1 stays cordoned in v.yaml',
  ...o,
});

const mixed = (): Run[] => [
  { project: 'p1', domain: 'development', name: 'a', cluster: 'dp1', phase: 'RUNNING', endsAfter: 3 },
  { project: 'p1', domain: 'production', name: 'b', cluster: 'dp1', phase: 'QUEUED', endsAfter: 5 },
  { project: 'p2', domain: 'development', name: 'c', cluster: 'dp1', phase: 'UNDEFINED', endsAfter: 2 },
  { project: 'p2', domain: 'development', name: 'other', cluster: 'dp2', phase: 'RUNNING' },
  { project: 'p1', domain: 'development', name: 'done', cluster: 'dp1', phase: 'SUCCEEDED' },
];

test('runningOn: every project and domain, filtered by the cluster and by phase; other clusters and ended executions are not counted', async () => {
  const admin = new FakeAdmin(mixed());
  const got = await runningOn(admin, 'dp1');
  assert.equal(got.map((e) => `${e.project}/${e.domain}/${e.name} ${e.phase}`).sort(), [
    'p1/development/a RUNNING',
    'p1/production/b QUEUED',
    'p2/development/c UNDEFINED',
  ]);
  const asked = admin.log.filter((l) => l.startsWith('executions')).map((l) => l.split(' ')[1]);
  assert.equal(asked, ['p1/development', 'p1/production', 'p2/development']);
  for (const l of admin.log.filter((x) => x.startsWith('executions')))
    assert.match(l, 'value_not_in(phase,SUCCEEDED;FAILED;ABORTED;TIMED_OUT)+eq(cluster,dp1)');
});

test('order: FlyteAdmin is reached before the cordon, and nothing is listed before FlyteAdmin runs the cordon; drained once the work ends', async () => {
  const admin = new FakeAdmin(mixed());
  const s = steps(admin, 2);
  const report = await drain(admin, s, opts({ timeoutMs: 5000 }));
  assert.equal(report.left, []);
  assert.is(s.cordons, 1);
  const first = (w: string) => admin.log.findIndex((l) => l.startsWith(w));
  assert.ok(first('projects') < first('cordon'), admin.log.join('\n'));
  const lastPending = admin.log.lastIndexOf('pending?');
  assert.ok(
    admin.log.slice(0, lastPending).every((l) => !l.startsWith('executions')),
    'no listing before the cordon is in effect',
  );
  assert.is(admin.log.filter((l) => l === 'pending?').length, 3);
});

test('FlyteAdmin unreachable at the start: exit 3, nothing changed (no cordon)', async () => {
  const admin = new FakeAdmin(mixed());
  admin.failAt = 0;
  const s = steps(admin);
  try {
    await drain(admin, s, opts());
    assert.unreachable('drain went on');
  } catch (e) {
    assert.instance(e, FlytemcError);
    const err = e as FlytemcError;
    assert.is(err.exitCode, EXIT.failed);
    assert.match(err.problems[0]!.message, 'cannot reach FlyteAdmin at http://admin.test: ECONNREFUSED; the drain changed nothing');
  }
  assert.is(s.cordons, 0);
});

test('FlyteAdmin unreachable mid-drain: exit 3, the cordon stays, the message says so and how to resume (the same command) or undo', async () => {
  for (const at of [3, 5, 8]) {
    const admin = new FakeAdmin(mixed());
    const s = steps(admin);
    admin.failAt = at + 2; // after projects, cordon, pending? and `at` more calls
    try {
      await drain(admin, s, opts({ timeoutMs: 5000 }));
      assert.unreachable(`drain went on past call ${at}`);
    } catch (e) {
      assert.instance(e, FlytemcError);
      const err = e as FlytemcError;
      assert.is(err.exitCode, EXIT.failed);
      const p = err.problems[0]!;
      assert.match(
        p.message,
        /ECONNREFUSED, so the drain of dp1 stopped; dp1 stays cordoned in v\.yaml: FlyteAdmin sends it no new execution, and what runs there keeps running/,
      );
      assert.match(
        p.fix!,
        /port-forward.*Then resume: flytemc drain dp1 --admin http:\/\/admin\.test -f v\.yaml \(or undo the cordon: flytemc uncordon dp1 -f v\.yaml --upgrade\)/,
      );
    }
    assert.is(s.cordons, 1, 'cordoned once, kept');
  }
});

test('timeout: the executions left, none from other clusters; the cordon not in effect by then is said instead of listing', async () => {
  const runs = mixed();
  runs[0]!.endsAfter = undefined;
  runs[1]!.endsAfter = undefined;
  const admin = new FakeAdmin(runs);
  const t0 = Date.now();
  const report = await drain(admin, steps(admin), opts({ timeoutMs: 60 }));
  assert.ok(Date.now() - t0 >= 60);
  assert.equal(report.left.map((e) => e.name).sort(), ['a', 'b']);
  assert.is(report.pending, undefined);
  const stuck = new FakeAdmin(mixed());
  const never = await drain(stuck, steps(stuck, 1e9), opts({ timeoutMs: 30 }));
  assert.match(never.pending!, 'still has dp1 enabled');
  assert.equal(never.left, []);
  assert.not.ok(
    stuck.log.some((l) => l.startsWith('executions')),
    'nothing listed',
  );
});

test('--abort: said first, each execution aborted once, one that ended meanwhile is fine; done when FlyteAdmin reports them ended', async () => {
  const runs = mixed().map((r) => ({ ...r, endsAfter: undefined, abortsAfter: 2 }));
  runs[2]!.phase = 'SUCCEEDED'; // ends between the listing and the abort
  const admin = new FakeAdmin(runs);
  let listedC = false;
  const origExecutions = admin.executions.bind(admin);
  admin.executions = async (p, d, f) => {
    const out = await origExecutions(p, d, f);
    if (!listedC && p === 'p2') {
      listedC = true;
      return out.map((x) => (x.id.name === 'c' ? { ...x, closure: { ...x.closure, phase: 'RUNNING' } } : x));
    }
    return out;
  };
  const said: string[] = [];
  const report = await drain(admin, steps(admin), opts({ abort: true, timeoutMs: 5000, say: (l) => void said.push(`${admin.log.length} ${l}`) }));
  assert.equal(report.left, []);
  assert.equal(admin.aborted.sort(), ['a', 'b']);
  assert.equal(admin.log.filter((l) => l.startsWith('terminate')).sort(), [
    'terminate p1/development/a',
    'terminate p1/production/b',
    'terminate p2/development/c',
  ]);
  assert.is(said.length, 1);
  const [at, ...line] = said[0]!.split(' ');
  assert.match(line.join(' '), /^aborting 3 executions on dp1 \(--abort\): p1\/development\/a \(RUNNING, /);
  assert.ok(Number(at) <= admin.log.findIndex((l) => l.startsWith('terminate')), 'said before the first abort');
  assert.equal(report.aborted.map((e) => e.name).sort(), ['a', 'b'], 'c had ended: not aborted by this drain');
});

test('age: seconds, minutes, hours', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  assert.is(age('2026-12-01T11:59:48Z', now), '12s');
  assert.is(age('2026-12-01T11:56:55Z', now), '3m05s');
  assert.is(age('2026-12-01T09:58:00Z', now), '2h02m');
  assert.is(age(undefined, now), '-');
});

test.run();
