#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VALUES_OPTIONS,
  clusterName,
  controlPlaneFlags,
  describeEdit,
  editEnabled,
  upgradeControlPlane
} from "./chunk-ZPRX6GWL.mjs";
import {
  ADMIN_OPTIONS,
  ADMIN_USAGE,
  REQUEST_TIMEOUT,
  REQUEST_TIMEOUT_USAGE,
  adminConnection,
  requestTimeout
} from "./chunk-4NPCPLHT.mjs";
import {
  computeRoutes
} from "./chunk-XSHMAYF4.mjs";
import "./chunk-VPWVCVBP.mjs";
import {
  HUB_OPTIONS,
  kubeOptions,
  namespaceOf,
  timeoutOption
} from "./chunk-OJ4DBTHC.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-OKKPQBNW.mjs";
import "./chunk-OUC775SF.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  table
} from "./chunk-FTTXYFV7.mjs";
import "./chunk-GAORPYMV.mjs";
import "./chunk-SAU5RIUT.mjs";
import "./chunk-OVIFR6TO.mjs";
import {
  StoppedPartWay,
  commandLine,
  guard,
  partWay,
  progressEnabled,
  self
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-J6Y6MNZY.mjs";
import "./chunk-ATTPCIUO.mjs";
import "./chunk-I7EPACT3.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-V2RZFSZU.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  writeOut
} from "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/drain.ts
var summary = "cordon a data plane, then wait until no execution runs there (or abort them), through FlyteAdmin";
var usage = `Usage: flytemc drain NAME --admin URL [-f VALUES...] [--upgrade] [--kube-context HUB] [-n NS] [options]

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
async function run(argv) {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...VALUES_OPTIONS,
        ...HUB_OPTIONS,
        ...ADMIN_OPTIONS,
        ...REQUEST_TIMEOUT,
        timeout: { type: "string" },
        abort: { type: "boolean", default: false }
      },
      true
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const name = clusterName(positionals, "drain");
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const timeoutMs = timeoutOption(v.timeout, "--timeout", 6e5);
    const dry = v["dry-run"];
    const files = v.values ?? [];
    const ns = namespaceOf(v.namespace);
    const resume = `${self()} drain ${name} --admin ${conn.url} ${controlPlaneFlags(v)}${v.abort ? " --abort" : ""}`;
    const undo = files.length ? `${self()} uncordon ${name} ${controlPlaneFlags(v)} --upgrade` : `set enabled: true on ${name} again`;
    if (files.length) await editEnabled({ ...v, "dry-run": true }, name, false);
    const { connectHub, readDeployedClusters, cordonPending } = await import("./deployed-JP5G4G7G.mjs");
    const { stopped } = await import("./plan-7MYXKMIO.mjs");
    const hub = await connectHub({
      kube: kubeOptions({ kubeconfig: v.kubeconfig, "insecure-skip-tls-verify": v["insecure-skip-tls-verify"] }, requestMs),
      kubeContext: v["kube-context"]
    });
    const deployed = await readDeployedClusters(hub, ns);
    const routes = computeRoutes(deployed.clusters);
    if (!files.length) {
      if (!routes.clusters.some((c) => c.name === name))
        throw new FlytemcError([
          error(
            deployed.source,
            `lists no cluster ${JSON.stringify(name)}: it is not joined to this control plane; nothing was changed`,
            `name one of: ${routes.clusters.map((c) => c.name).join(", ") || "(none)"}`
          )
        ]);
      if (routes.clusters.every((c) => c.name === name || !c.enabled) && routes.clusters.find((c) => c.name === name)?.enabled)
        throw new FlytemcError([
          error(
            deployed.source,
            `${name} is the last enabled cluster: drained, FlyteAdmin could run no execution anywhere; nothing was changed`,
            "join or uncordon another data plane first"
          )
        ]);
    }
    const { FlyteAdmin, failWith } = await import("./client-7CLMZFIZ.mjs");
    const { drain, describeExecution, runningOn, age } = await import("./drain-M6NYZS5I.mjs");
    const admin = new FlyteAdmin(conn);
    const showProgress = progressEnabled();
    let cordonNote = `${name} stays cordoned`;
    let cordoned = false;
    const cordon = async () => {
      if (!files.length) {
        if (routes.clusters.find((c) => c.name === name)?.enabled)
          await writeOut(
            `${name} is enabled in ${deployed.source} and no -f was given: cordon it where the control plane's values live (enabled: false, e.g. ${self()} cordon ${name} -f my-values.yaml --upgrade, or a commit your GitOps tool applies); drain waits for that.
`
          );
        return;
      }
      const edit = await editEnabled(v, name, false);
      cordoned = !dry;
      cordonNote = `${name} stays cordoned in ${edit.file}`;
      const deployedEnabled = routes.clusters.find((c) => c.name === name)?.enabled === true;
      await writeOut(describeEdit(edit, name, false, { next: !(v.upgrade && !dry) && (deployedEnabled || edit.changed) }));
      if (v.upgrade && !dry) await upgradeControlPlane(edit, cordonNote);
    };
    if (dry) {
      await cordon();
      const now = Date.now();
      const running = await runningOn(admin, name).catch((e) => failWith(e, `FlyteAdmin ${admin.url}`));
      await writeOut(
        running.length ? `${running.length} execution${running.length === 1 ? "" : "s"} not ended on ${name} now: ${running.map((e) => describeExecution(e, now)).join(", ")}
` : `no execution runs on ${name} now
`
      );
      return EXIT.ok;
    }
    const report = await drain(
      admin,
      {
        cordon,
        pending: () => cordonPending(hub, ns, name).catch((e) => {
          throw stopped(e, cordonNote, `resume: ${resume}`);
        })
      },
      {
        cluster: name,
        timeoutMs,
        abort: v.abort,
        resume,
        undo,
        cordonNote: () => cordonNote,
        say: (line) => writeOut(`${line}
`),
        ...showProgress ? { progress: (line) => process.stderr.write(`\r\x1B[2K${line}`) } : {}
      }
    ).catch((e) => cordoned ? partWay(e) : Promise.reject(e));
    if (showProgress) process.stderr.write("\r\x1B[2K");
    const waited = `${(report.waitedMs / 1e3).toFixed(1)} s`;
    if (report.pending)
      throw new StoppedPartWay(
        [
          error(
            `hub ${hub.context}`,
            `after ${waited} FlyteAdmin may still send new executions to ${name}: ${report.pending}; ${cordonNote}`,
            `upgrade the control plane with the cordoned values (${self()} cordon ${name} ${controlPlaneFlags(v)} --upgrade), let FlyteAdmin's rollout finish, then resume: ${resume}`
          )
        ],
        EXIT.failed
      );
    if (report.left.length) {
      const now = Date.now();
      await writeOut(
        table(
          ["PROJECT", "DOMAIN", "EXECUTION", "PHASE", "AGE"],
          report.left.map((e) => [e.project, e.domain, e.name, e.phase, age(e.createdAt, now)])
        )
      );
      const n = report.left.length;
      throw new StoppedPartWay(
        [
          error(
            `FlyteAdmin ${admin.url}`,
            `${n} execution${n === 1 ? "" : "s"} on ${name} had not ended after ${waited} (listed above; ${report.left.map((e) => describeExecution(e, now)).join(", ")}); ${cordonNote}`,
            v.abort ? `FlyteAdmin asked ${name} to abort them: its flytepropeller reports ABORTED once it runs (${self()} check shows whether it is alive); then resume: ${resume}` : `wait longer (resume with a longer --timeout: ${resume} --timeout 30m), or abort them: ${resume} --abort`
          )
        ],
        EXIT.failed
      );
    }
    await writeOut(
      `${name} is drained: FlyteAdmin lists no execution there that has not ended (every project and domain; ${report.aborted.length ? `${report.aborted.length} aborted, ` : ""}waited ${waited}). ${cordonNote}; next: ${self()} unjoin ${name} --admin ${conn.url} ..., or ${undo}
`
    );
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
