#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  EXIT,
  KUBE_OPTIONS,
  UsageError,
  commandLine,
  guard,
  readText,
  writeOut
} from "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/check.ts
var summary = "prove every configured data plane's credentials from the hub: reachable, TLS, token, permissions";
var usage = `Usage: flytemc check [--kube-context HUB] [-f values.yaml] [-o table|json|yaml]

For every cluster FlyteAdmin is configured with, reads its token and CA from the hub's
credentials Secret (the files FlyteAdmin reads) and checks, as FlyteAdmin would: the endpoint is
reachable, TLS verifies with that CA (never skipped), the token authenticates, and the
ServiceAccount may do what FlyteAdmin does (SelfSubjectAccessReviews). One row per cluster;
exit code 3 when any fails.

The clusters come from -f FILE (multicluster.clusters, or flyte-core's configmap.clusters), else
from the hub's deployed ConfigMap flyte-admin-clusters-config, else from what join recorded.

Options:
  --kube-context HUB   the control plane's context (default: the current context)
  -f, --values FILE    the control plane's values file
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --secret-name NAME   the credentials Secret (default: from the values file, else cluster-credentials)
  -o, --output FMT     table (default), json or yaml
  --kubeconfig PATH    kubeconfig to use
  --timeout DUR        per-request timeout (default 10s)
  -h, --help           this help

Examples:
  flytemc check --kube-context cp
  helm flytemc check -f values-cp.yaml -o json
`;
async function run(argv) {
  return guard(async () => {
    const { values: v } = commandLine(
      argv,
      {
        ...KUBE_OPTIONS,
        values: { type: "string", short: "f" },
        "secret-name": { type: "string" },
        output: { type: "string", short: "o", default: "table" }
      }
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (!["table", "json", "yaml"].includes(v.output)) throw new UsageError(`-o ${JSON.stringify(v.output)}: use table, json or yaml`);
    const c = await import("./common-CRHXGUFK.mjs");
    const { loadKubeConfig, connect } = await import("./kube-WYESJH6I.mjs");
    const kube = { ...v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}, timeoutMs: c.timeoutOption(v.timeout, "--timeout", 1e4) };
    const kc = await loadKubeConfig(kube);
    const hubContext = c.hubContextOf(v["kube-context"], () => kc.getCurrentContext(), false);
    const namespace = c.namespaceOf(v.namespace);
    const hub = await connect(hubContext, kube);
    const chk = await import("./check-DJOJFZAG.mjs");
    let list = v.values ? await chk.clustersFromFile(v.values, readText(v.values)) : await chk.clustersDeployed(hub, namespace);
    const secretName = v["secret-name"] ?? list?.secretName ?? c.DEFAULT_SECRET;
    if (!list) {
      const { readCredentials } = await import("./hub-H2R7NCJY.mjs");
      const creds = await readCredentials(hub, namespace, secretName);
      list = {
        source: `what flytemc join recorded on Secret ${namespace}/${secretName}`,
        clusters: Object.entries(creds.records).map(([name, r]) => ({ name, endpoint: r.endpoint, enabled: true }))
      };
    }
    if (list.clusters.length === 0) {
      const { FlytemcError, error } = await import("./problems-DILJNIK4.mjs");
      throw new FlytemcError([error(list.source, "configures no clusters", `join one: flytemc join CONTEXT --kube-context ${hubContext}`)], EXIT.failed);
    }
    const started = Date.now();
    const report = await chk.checkClusters(hub, namespace, secretName, list, kube.timeoutMs);
    const ms = Date.now() - started;
    if (v.output === "json") await writeOut(JSON.stringify({ ...report, ms }, null, 2) + "\n");
    else if (v.output === "yaml") {
      const { dumpYaml } = await import("./yaml-VKJBFVI4.mjs");
      await writeOut(dumpYaml({ ...report, ms }));
    } else await writeOut(chk.formatTable(report));
    return report.ok ? EXIT.ok : EXIT.failed;
  });
}
export {
  run,
  summary,
  usage
};
