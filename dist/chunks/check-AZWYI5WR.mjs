#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  KUBE_OPTIONS,
  kubeOptions,
  namespaceLine
} from "./chunk-SYI5OANH.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  parseFormat,
  render
} from "./chunk-EL45TENR.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  namespaceSetting
} from "./chunk-MYO4P6B7.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import {
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  EXIT
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/check.ts
var summary = "check every configured data plane from both sides: credentials from the hub, flytepropeller's way back from the member";
var usage = `Usage: flytemc check [--kube-context HUB] [-f values.yaml] [--hub-only] [-o table|json|yaml]

For every cluster FlyteAdmin is configured with, from the hub: reads its token and CA from the
hub's credentials Secret (the files FlyteAdmin reads) and checks, as FlyteAdmin would, that the
endpoint is reachable, TLS verifies with that CA (never skipped), the token authenticates, and the
ServiceAccount may do what FlyteAdmin does there (SelfSubjectAccessReviews for each kind of the
control plane's cluster-resource templates and for FlyteWorkflow objects; a missing permission is
named per kind).

Then from the data plane's side, through your kubeconfig (a context whose server is the
cluster's endpoint; the hub itself for inCluster): flytepropeller is installed (PROPELLER) and
running (ALIVE: its leader Lease propeller-leader renewed within its lease duration), its admin
endpoint (ADMIN) and catalog endpoint (CATALOG) are not in-cluster defaults such as flyteadmin:81
or a *.svc name of a Service that cluster does not have (and when it reaches DataCatalog through
the control plane's gRPC Ingress, that Ingress routes it), its cluster id is the name the hub lists
it under (CLUSTER-ID), and it writes to the control plane's storage (STORAGE). A cluster no
context reaches is checked from the hub only. One row per cluster, one line and a fix per failed
finding; exit code 3 when any fails.

The clusters come from -f FILE (multicluster.clusters, or flyte-core's configmap.clusters), else
from the hub's deployed ConfigMap flyte-admin-clusters-config, else from what join recorded;
clusters joined but missing from that list, or deployed but dropped from FILE, get a row too.
DEPLOYED says whether FlyteAdmin's deployed config lists the cluster: a joined cluster it does not
list yet fails ("not deployed yet: upgrade the control plane"). The first line names the
namespace (and where it came from) and the hub.

Options:
  --kube-context HUB   the control plane's context (default: the current context)
  -f, --values FILE    the control plane's values file
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --secret-name NAME   the credentials Secret (default: from the values file, else cluster-credentials)
  --hub-only           skip the data planes' side
  -o, --output FMT     table (default), json or yaml
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 10s)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 every cluster OK; 1 the values file is wrong; 2 the
command line is wrong, or the kubeconfig (none, no such context, a cluster that skips TLS
verification without --insecure-skip-tls-verify); 3 a cluster fails a check (also: not deployed
yet, flytepropeller not running) or does not answer; 70 a bug in flytemc.

Examples:
  flytemc check --kube-context cp
  helm flytemc check -f values-cp.yaml -o json
  flytemc check --kube-context cp --hub-only
`;
async function run(argv) {
  return guard(async () => {
    const { values: v } = commandLine(argv, {
      ...KUBE_OPTIONS,
      values: { type: "string", short: "f" },
      "secret-name": { type: "string" },
      "hub-only": { type: "boolean", default: false },
      output: { type: "string", short: "o", default: "table" }
    });
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(v.output, ["table", "json", "yaml"]);
    const { checkControlPlane } = await import("./check-clusters-6N7RYNYV.mjs");
    const { formatTable } = await import("./check-table-2IV3J67S.mjs");
    const ns = namespaceSetting(v.namespace);
    const report = await checkControlPlane({
      kube: kubeOptions(v, 1e4),
      ...v["kube-context"] ? { kubeContext: v["kube-context"] } : {},
      namespace: ns.value,
      namespaceFrom: ns.from,
      ...v.values ? { valuesFile: v.values } : {},
      ...v["secret-name"] ? { secretName: v["secret-name"] } : {},
      hubOnly: v["hub-only"]
    });
    const hub = noted(report.hub, report.hubTlsVerified);
    await writeOut(render(format, report, () => namespaceLine(report.namespace, report.namespaceFrom, hub) + formatTable(report)));
    return report.ok ? EXIT.ok : EXIT.failed;
  });
}
export {
  run,
  summary,
  usage
};
