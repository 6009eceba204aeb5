#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  EXIT,
  KUBE_OPTIONS,
  UsageError,
  commandLine,
  guard,
  printWarnings,
  writeOut
} from "./chunk-BNFKKS27.mjs";
import {
  FlytemcError,
  formatProblems,
  warning
} from "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/join.ts
var summary = "join data-plane clusters: ServiceAccount, RBAC and token in each, token + CA into the control plane";
var usage = `Usage: flytemc join CONTEXT... --kube-context HUB [options]
       helm flytemc join CONTEXT... [options]          (the hub defaults to Helm's current context)

For each data-plane CONTEXT of your kubeconfig: ensures ServiceAccount flyteadmin, ClusterRole
and ClusterRoleBinding <namespace>-flyteadmin and the token Secret flyteadmin-token; waits for
kube-controller-manager to issue the token; proves token + CA against the endpoint (TLS
verified, authenticated, every permission FlyteAdmin uses); only then writes <name>_token and
<name>_cacert into the hub's credentials Secret (other keys are kept, also under concurrent
joins). Refuses one physical cluster under two names. Your kubeconfig may use any credentials
(exec plugins, client certificates): only the ServiceAccount token and the CA reach the hub.
Re-running changes nothing.

Options:
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  --name NAME          the cluster's name in FlyteAdmin (default: the context name; one CONTEXT only)
  --label L[=WEIGHT]   route execution cluster label L to the cluster (weight 0..1, default 1); repeatable
  --endpoint URL       the API server URL as the control plane reaches it (default: the kubeconfig's; one CONTEXT only)
  -n, --namespace NS   FlyteAdmin's namespace in the hub and flyteadmin's in the data planes
                       (default: flyte; helm flytemc: Helm's namespace, so -n default is default)
  --values FILE        record the clusters and routes in FILE's multicluster.clusters (else print the snippet)
  --restart            roll Deployments flyteadmin and syncresources in the hub when its Secret changed
  --dry-run            print the plan and a diff (tokens masked); change nothing
  --kubeconfig PATH    kubeconfig to use (default: $KUBECONFIG, ~/.kube/config)
  --timeout DUR        per-request timeout (default 15s)
  --token-timeout DUR  how long to wait for the token controller (default 60s)
  --parallel N         clusters joined at once (default 4)
  -h, --help           this help

Examples:
  flytemc join dp-us-east-1 dp-eu-west-1 --kube-context cp --label team1=0.5 --values values-cp.yaml --restart
  flytemc join gke_proj_europe-west1_dp1 --name dp1 --kube-context cp --dry-run
  helm --kube-context cp flytemc join dp-us-east-1 --label default
`;
async function run(argv) {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...KUBE_OPTIONS,
        "dry-run": { type: "boolean", default: false },
        "token-timeout": { type: "string" },
        name: { type: "string" },
        label: { type: "string", multiple: true },
        endpoint: { type: "string" },
        values: { type: "string" },
        restart: { type: "boolean", default: false },
        parallel: { type: "string" }
      },
      true
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError("name at least one data-plane CONTEXT of your kubeconfig");
    if (new Set(positionals).size !== positionals.length) throw new UsageError("a CONTEXT is named twice");
    if (positionals.length > 1 && v.name) throw new UsageError("--name applies to one CONTEXT; with several, each cluster is named after its context");
    if (positionals.length > 1 && v.endpoint) throw new UsageError("--endpoint applies to one CONTEXT");
    const parallel = v.parallel === void 0 ? 4 : Number(v.parallel);
    if (!Number.isInteger(parallel) || parallel < 1) throw new UsageError("--parallel must be a whole number from 1");
    const c = await import("./common-CRHXGUFK.mjs");
    const routes = (v.label ?? []).map(c.parseRoute);
    const requests = positionals.map((context) => ({
      context,
      name: c.checkName(v.name ?? context, v.name ? "--name" : "context"),
      ...v.endpoint ? { endpoint: v.endpoint } : {},
      routes
    }));
    const names = requests.map((r) => r.name);
    if (new Set(names).size !== names.length) throw new UsageError("two CONTEXTs give the same cluster name");
    let secretName;
    if (v.values) secretName = await secretNameFromValues(v.values);
    const { openSession } = await import("./session-QOD6HYQF.mjs");
    const { formatPlan } = await import("./plan-YLO47GFT.mjs");
    const { common, plan, hub, progress, namespace, hubContext } = await openSession(v, secretName);
    const { joinCluster, hubNamespaceOnce } = await import("./join-3IVC26EX.mjs");
    const { mapLimit } = await import("./util-HCYYMG2D.mjs");
    const once = hubNamespaceOnce(hub, namespace, plan);
    const started = Date.now();
    const results = await mapLimit(requests, parallel, (r) => joinCluster(r, hub, common, plan, once));
    const failures = [];
    let exit = EXIT.ok;
    const joined = results.flatMap((res, i) => {
      if (res.status === "fulfilled") return [res.value];
      const e = res.reason;
      if (e instanceof FlytemcError) {
        failures.push(...e.problems);
        exit = Math.max(exit, e.exitCode === EXIT.invalid ? EXIT.failed : e.exitCode);
      } else throw e;
      progress.step(requests[i].name, "failed");
      return [];
    });
    const warnings = [];
    const entries = joined.map((j) => ({ name: j.name, endpoint: j.endpoint, routes: requests.find((r) => r.name === j.name).routes }));
    const vf = await import("./values-file-HOTQVLQR.mjs");
    let fileNote = "";
    if (v.values && entries.length) {
      const edit = await vf.editValuesFile(v.values, (values) => vf.addClusters(values, entries, v.values), { dryRun: v["dry-run"] });
      plan.record({ target: v.values, object: "multicluster.clusters", action: edit.changed ? edit.created ? "create" : "update" : "unchanged", before: edit.before, after: edit.after, note: names.join(", ") });
      if (edit.changed && !edit.commentsKept) warnings.push(warning(v.values, "rewritten as plain YAML: its layout could not be edited in place, so comments were dropped"));
      fileNote = edit.changed ? `
${v["dry-run"] ? "would record" : "recorded"} ${entries.map((e) => e.name).join(", ")} in ${v.values}: apply it with helm upgrade` : "";
    }
    const hubChanged = joined.some((j) => j.hubChanged);
    if (v.restart && hubChanged) {
      const { restartDeployments } = await import("./hub-H2R7NCJY.mjs");
      await restartDeployments(hub, namespace, plan, "FlyteAdmin reads token files only at start-up");
    } else if (hubChanged && !v.restart && joined.length && !v["dry-run"]) {
      warnings.push(warning(`hub ${hubContext}`, "FlyteAdmin reads token files only at start-up", "pass --restart, or helm upgrade the control plane with the recorded values (which restarts it when the cluster list changes)"));
    }
    let out = formatPlan(plan.changes, { diff: v["dry-run"], dryRun: v["dry-run"], group: true });
    const secs = ((Date.now() - started) / 1e3).toFixed(1);
    out += `
${v["dry-run"] ? "dry run: nothing was changed. " : ""}${joined.length} of ${requests.length} cluster${requests.length === 1 ? "" : "s"} ${v["dry-run"] ? "can be joined" : "joined"} into hub ${hubContext} (Secret ${namespace}/${common.secretName}) in ${secs} s${fileNote}
`;
    if (!v.values && entries.length) out += `
Add this to the control plane's values (or rerun with --values FILE):

${vf.snippet(entries)}`;
    await writeOut(out);
    printWarnings(warnings);
    if (failures.length) process.stderr.write(formatProblems(failures).replace(/nothing was written\.$/, `${requests.length - joined.length} of ${requests.length} not joined${joined.length ? " (the others were)" : ""}.`) + "\n");
    return exit;
  });
}
async function secretNameFromValues(path) {
  const { existsSync, readFileSync } = await import("node:fs");
  if (!existsSync(path)) return void 0;
  const { parseValuesFile } = await import("./from-values-2GSM3IAU.mjs");
  const values = parseValuesFile(path, readFileSync(path, "utf8"));
  const s = values?.multicluster?.credentials?.secretName;
  return typeof s === "string" ? s : void 0;
}
export {
  run,
  summary,
  usage
};
