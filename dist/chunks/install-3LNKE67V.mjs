#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  installChart
} from "./chunk-7CVUCHLC.mjs";
import "./chunk-OUC775SF.mjs";
import "./chunk-XLSMOU2J.mjs";
import {
  parseInstallArgs
} from "./chunk-5SKCRAL6.mjs";
import {
  RENDERER
} from "./chunk-7KFSGYL6.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-RKAGZZI3.mjs";
import {
  guard
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  showUsage
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/install.ts
var summary = "helm upgrade --install the control plane or a data plane with the right files and post-renderer";
var usage = `Usage: helm flytemc install control-plane|data-plane [options] [helm options...]

Runs \`helm upgrade --install\` of the flyte-multicluster chart (shipped with the plugin) with
  -f values-<cloud>.yaml (if --cloud) -f values-controlplane.yaml|values-dataplane.yaml, then your -f files,
and the flytemc post-renderer in the form this Helm needs (Helm 3: the executable's path; Helm 4:
the plugin \`${RENDERER}\`, registered on the fly if setup was not run): for a control plane it
wires the data planes' credentials into FlyteAdmin, for a data plane it points flytepropeller at
the control plane. A data plane needs the settings both planes share (where FlyteAdmin and
DataCatalog are, the one bucket): keep them in one values file and pass it to both.
install knows only the options below; every other word goes to Helm unchanged and in order
(-f, --set, --wait, --timeout, --dry-run, --create-namespace, ...), and Helm judges it.
Under \`helm flytemc\`, Helm's own -n/--namespace, --kube-context and --debug apply (Helm passes
them as HELM_NAMESPACE, HELM_KUBECONTEXT, HELM_DEBUG): the namespace is Helm's, as for
\`helm install\` (the flag, else your context's namespace, else default); the command shows it.

Options:
  --cloud eks|gcp        the cloud overlay (there is no "aws": AWS is eks)
  --name NAME            data plane only, required: its cluster name as the control plane's
                         clusterConfigs has it; sets multicluster.clusterName and
                         flyte-core.flytepropeller.clusterName
  --admin-endpoint URL   data plane: FlyteAdmin's gRPC endpoint as this cluster reaches it, e.g.
                         dns:///flyte.example.com:443; sets multicluster.controlPlane.adminEndpoint
                         (or set it in the values file both planes share)
  --release NAME         the Helm release (default flyte)
  -n, --namespace NS     the namespace (flytemc alone: default flyte; helm flytemc: Helm's)
  --kube-context CTX     the cluster (helm flytemc: Helm's --kube-context)
  --chart PATH           another copy of the chart (default: the plugin's charts/flyte-multicluster)
  --template             run \`helm template\` instead (offline preview, same files and post-renderer)
  --print                print the Helm command (with context and namespace) instead of running it
  -h, --help             this help

Exit codes (docs/plugin.md#exit-codes): 0 done; 1 the chart or the post-renderer refused the
config (its message is shown; under Helm 4 also in a new file of $TMPDIR/flytemc-<uid>/); 2 the
command line is wrong (install's options, or Helm refused one), or the kubeconfig is (none, no
such context, a cluster that skips TLS verification without Helm's --kube-insecure-skip-tls-verify);
3 Helm failed for another reason (its message is shown); 70 a bug in flytemc.

Examples:
  helm flytemc install data-plane --cloud eks --name dp1 --kube-context dp1 -n flyte --create-namespace -f shared-values.yaml
  helm flytemc install control-plane --cloud eks --kube-context cp -n flyte -f shared-values.yaml -f my-values.yaml
  helm flytemc install control-plane -f shared-values.yaml -f my-values.yaml --template
`;
async function run(argv) {
  return guard(async () => {
    if (argv.includes("-h") || argv.includes("--help")) return showUsage(usage);
    return installChart(parseInstallArgs(argv));
  });
}
export {
  run,
  summary,
  usage
};
