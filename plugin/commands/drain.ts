// `flytemc drain NAME --admin URL`: cordon, then wait until nothing runs on the cluster (or abort it).
import { EXIT } from '../problems/problems.ts';
import { commandLine, guard, partWay, progressEnabled, self } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';
import { computeRoutes } from '../config/routes.ts';
import type { Kube } from '../cluster/kube.ts';
import type { FlyteAdmin } from '../flyteadmin/client.ts';
import { HUB_OPTIONS, namespaceOf, timeoutOption } from './cluster-flags.ts';
import { ADMIN_OPTIONS, ADMIN_USAGE, REQUEST_TIMEOUT, REQUEST_TIMEOUT_USAGE, adminConnection, hubOf, requestTimeout } from './admin-flags.ts';
import { VALUES_OPTIONS, clusterName, controlPlaneFlags, describeEdit, editEnabled, upgradeControlPlane } from './control-plane-values.ts';

export const summary = 'cordon a data plane, then wait until no execution runs there (or abort them), through FlyteAdmin';
export const usage = `Usage: flytemc drain NAME --admin URL [-f VALUES...] [--upgrade] [--kube-context HUB] [-n NS] [options]

Takes a data plane out of rotation and waits for what runs there, in this order:
  1. reaches FlyteAdmin (when it does not answer, nothing is changed);
  2. cordons NAME as \`cordon\` does (enabled: false in the -f file that lists the clusters) and
     upgrades the control plane with --upgrade, or prints the upgrade; without -f it waits for a
     cordon made elsewhere (a GitOps commit of enabled: false);
  3. waits until FlyteAdmin runs with the cordon: its deployed config (hub ConfigMap
     flyte-admin-clusters-config) has NAME disabled and the rollout of Deployment flyteadmin is
     done, so no new execution can land there;
  4. waits until FlyteAdmin lists no execution on NAME that has not ended, asking every project
     and domain (page after page, filtered by the cluster FlyteAdmin placed it on), with a progress
     line on a terminal; at --timeout it lists the ones left (project, domain, name, phase, age).
     --abort aborts them instead (said first) and waits until FlyteAdmin reports each ended.
If FlyteAdmin stops answering part way, the cordon stays and the message says how to resume (the
same command). A cluster that is not joined, and the last enabled cluster, are refused before
anything is changed. NAME stays cordoned after the drain: then \`unjoin\` it, or \`uncordon\` it.

Options:
${ADMIN_USAGE}
  -f, --values FILE    the control plane's values files (repeatable), as for \`cordon\`
  --upgrade            upgrade the control plane with exactly these files, as \`install control-plane\` does
  --kube-context HUB   the control plane's context (default: the current context)
  -n, --namespace NS   the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  --release NAME       the control plane's Helm release, for the upgrade (default flyte)
  --timeout DUR        how long to wait for the cordon and the work (default 10m)
  --abort              abort the executions that have not ended instead of waiting for them
  --dry-run            print the cordon and the executions that have not ended; change nothing
${REQUEST_TIMEOUT_USAGE}
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a hub context whose kubeconfig cluster skips TLS verification
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 drained (nothing runs there); 1 a values file is wrong,
NAME is not joined, or it is the last enabled cluster; 2 the command line is wrong, or the
kubeconfig (none, no such context, a cluster that skips TLS verification without
--insecure-skip-tls-verify); 3 work was left at --timeout (listed), the cordon was not in effect by
then, FlyteAdmin or the hub does not answer (the cordon stays: rerun to resume), or the upgrade
failed; 70 a bug in flytemc.

Examples:
  flytemc drain dp1 --admin http://localhost:8088 -f shared-values.yaml -f my-values.yaml --kube-context cp -n flyte --upgrade
  flytemc drain dp1 --admin http://localhost:8088 -f shared-values.yaml -f my-values.yaml --kube-context cp --timeout 30m
  flytemc drain dp1 --admin https://flyte.example.com --kube-context cp --abort
`;

const OPTIONS = {
  ...VALUES_OPTIONS,
  ...HUB_OPTIONS,
  ...ADMIN_OPTIONS,
  ...REQUEST_TIMEOUT,
  timeout: { type: 'string' },
  abort: { type: 'boolean', default: false },
} as const;

type Flags = ReturnType<typeof commandLine<typeof OPTIONS, true>>['values'];

/** The cordon step of the drain: the values edited (and upgraded with --upgrade), or a cordon made elsewhere awaited. */
class Cordon {
  note: string;
  done = false;
  constructor(
    private readonly v: Flags,
    private readonly name: string,
    private readonly deployedEnabled: boolean,
    private readonly source: string,
  ) {
    this.note = `${name} stays cordoned`;
  }
  async run(): Promise<void> {
    const { v, name } = this;
    if (!v.values?.length) {
      if (this.deployedEnabled)
        await writeOut(
          `${name} is enabled in ${this.source} and no -f was given: cordon it where the control plane's values live (enabled: false, e.g. ${self()} cordon ${name} -f my-values.yaml --upgrade, or a commit your GitOps tool applies); drain waits for that.\n`,
        );
      return;
    }
    const edit = await editEnabled(v, name, false);
    this.done = !v['dry-run'];
    this.note = `${name} stays cordoned in ${edit.file}`;
    // the upgrade is the operator's to run unless --upgrade, or FlyteAdmin runs the cordon already
    await writeOut(describeEdit(edit, name, false, { next: !(v.upgrade && !v['dry-run']) && (this.deployedEnabled || edit.changed) }));
    if (v.upgrade && !v['dry-run']) await upgradeControlPlane(edit, this.note);
  }
}

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v, positionals } = commandLine(argv, OPTIONS, true);
    if (v.help) return showUsage(usage);
    const name = clusterName(positionals, 'drain');
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const timeoutMs = timeoutOption(v.timeout, '--timeout', 600_000);
    const files = v.values ?? [];
    const ns = namespaceOf(v.namespace);
    // before anything changes: the values (not joined, the last enabled cluster) and the hub
    if (files.length) await editEnabled({ ...v, 'dry-run': true }, name, false);
    const { connectHub, readDeployedClusters } = await import('../cluster/deployed.ts');
    const { checkDeployed } = await import('../flyteadmin/drain-report.ts');
    const hub = await connectHub(hubOf(v, requestMs));
    const deployed = await readDeployedClusters(hub, ns);
    const routes = computeRoutes(deployed.clusters);
    if (!files.length) checkDeployed(routes, name, deployed.source);
    const { FlyteAdmin } = await import('../flyteadmin/client.ts');
    const admin = new FlyteAdmin(conn);
    const cordon = new Cordon(v, name, routes.clusters.find((c) => c.name === name)?.enabled === true, deployed.source);
    if (v['dry-run']) return dryRun(admin, cordon, name);
    return drainAndReport(admin, hub, cordon, { v, name, ns, timeoutMs, adminArg: conn.url });
  });
}

/** --dry-run: the cordon as it would be, and what runs there now. */
async function dryRun(admin: FlyteAdmin, cordon: Cordon, name: string): Promise<number> {
  const { failWith } = await import('../flyteadmin/client.ts');
  const { runningOn } = await import('../flyteadmin/drain.ts');
  const { runningNow } = await import('../flyteadmin/drain-report.ts');
  await cordon.run();
  const running = await runningOn(admin, name).catch((e: unknown) => failWith(e, `FlyteAdmin ${admin.url}`));
  await writeOut(runningNow(running, name, Date.now()));
  return EXIT.ok;
}

/** The drain, its progress on a terminal, and its outcome: drained, or how to go on. */
async function drainAndReport(
  admin: FlyteAdmin,
  hub: Kube,
  cordon: Cordon,
  o: { v: Flags; name: string; ns: string; timeoutMs: number; adminArg: string },
): Promise<number> {
  const { v, name, ns } = o;
  const { cordonPending } = await import('../cluster/deployed.ts');
  const { stopped } = await import('../cluster/plan.ts');
  const { drain } = await import('../flyteadmin/drain.ts');
  const { drainOutcome } = await import('../flyteadmin/drain-report.ts');
  const flags = controlPlaneFlags(v);
  const resume = `${self()} drain ${name} --admin ${o.adminArg} ${flags}${v.abort ? ' --abort' : ''}`;
  const undo = v.values?.length ? `${self()} uncordon ${name} ${flags} --upgrade` : `set enabled: true on ${name} again`;
  const showProgress = progressEnabled();
  const report = await drain(
    admin,
    {
      cordon: () => cordon.run(),
      pending: () =>
        cordonPending(hub, ns, name).catch((e: unknown) => {
          throw stopped(e, cordon.note, `resume: ${resume}`);
        }),
    },
    {
      cluster: name,
      timeoutMs: o.timeoutMs,
      abort: v.abort,
      resume,
      undo,
      cordonNote: () => cordon.note,
      say: (line) => writeOut(`${line}\n`),
      ...(showProgress ? { progress: (line: string) => process.stderr.write(`\r\x1b[2K${line}`) } : {}),
    },
  ).catch((e: unknown) => (cordon.done ? partWay(e) : Promise.reject(e)));
  if (showProgress) process.stderr.write('\r\x1b[2K');
  const outcome = drainOutcome(
    report,
    {
      name,
      admin: admin.url,
      adminArg: o.adminArg,
      hub: hub.context,
      abort: v.abort,
      cordonNote: cordon.note,
      resume,
      undo,
      cordonUpgrade: `${self()} cordon ${name} ${flags} --upgrade`,
      self: self(),
    },
    Date.now(),
  );
  if (outcome.text) await writeOut(outcome.text);
  if (outcome.error) throw outcome.error;
  return EXIT.ok;
}
