#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  RENDERER,
  helm4PluginsPath,
  readRecord,
  registerHelm4,
  registeredHelm4Folder,
  separateHelm4Dir,
  writeRecord
} from "./chunk-SAM753IX.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-SAU5RIUT.mjs";
import {
  detectHelm,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  runHelmPassthrough,
  shellQuote
} from "./chunk-QDGGCZ4T.mjs";
import {
  debugOn,
  errorFilePath,
  guard
} from "./chunk-4DRYKW6H.mjs";
import {
  chartYaml,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-7JCQQCYV.mjs";
import "./chunk-MIZPGW4T.mjs";
import {
  writeOut
} from "./chunk-WZVDOOQ4.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError
} from "./chunk-752BFR42.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/install.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { delimiter } from "node:path";
var summary = "helm upgrade --install the control plane or a data plane with the right files and post-renderer";
var usage = `Usage: helm flytemc install control-plane|data-plane [options] [-- helm args...]

Runs \`helm upgrade --install\` of the flyte-multicluster chart (shipped with the plugin) with
  -f values-<cloud>.yaml (if --cloud) -f values-controlplane.yaml|values-dataplane.yaml, then your -f files,
and the flytemc post-renderer in the form this Helm needs (Helm 3: the executable's path; Helm 4:
the plugin \`${RENDERER}\`, registered on the fly if setup was not run): for a control plane it
wires the data planes' credentials into FlyteAdmin, for a data plane it points flytepropeller at
the control plane.
Every option it does not know is passed to Helm unchanged (-f, --set, --wait, --timeout, ...).
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
                         (or set it in a values file shared with the control plane)
  --release NAME         the Helm release (default flyte)
  -n, --namespace NS     the namespace (flytemc alone: default flyte; helm flytemc: Helm's)
  --create-namespace     create the namespace (a flag: it takes no value)
  --kube-context CTX     the cluster (helm flytemc: Helm's --kube-context)
  --dry-run[=MODE]       passed to Helm
  --chart PATH           another copy of the chart (default: the plugin's charts/flyte-multicluster)
  --template             run \`helm template\` instead (offline preview, same files and post-renderer)
  --print                print the Helm command (with context and namespace) instead of running it
  -h, --help             this help

Exit codes: 0 done; 1 bad input (stray arguments, missing --name) or the post-renderer refused
the config (its message is shown; under Helm 4 read from ${errorFilePath()}); 2 bad command line,
or a context whose kubeconfig cluster skips TLS verification without Helm's
--kube-insecure-skip-tls-verify; 3 Helm failed for another reason (its message is shown).

Examples:
  helm flytemc install control-plane --cloud eks -n flyte -f my-values.yaml -f clusters.yaml --create-namespace
  helm flytemc install data-plane --cloud gcp --name dp1 --admin-endpoint dns:///flyte.example.com:443     --kube-context dp1 -n flyte --create-namespace -f shared-values.yaml
`;
var VALUE_FLAGS = /* @__PURE__ */ new Set([
  "-f",
  "--values",
  "--set",
  "--set-string",
  "--set-file",
  "--set-json",
  "--set-literal",
  "--timeout",
  "--version",
  "--description",
  "--kube-context",
  "--kubeconfig",
  "--post-renderer-args",
  "--repo",
  "--username",
  "--password",
  "--ca-file",
  "--cert-file",
  "--key-file",
  "--history-max",
  "--max-history",
  "--labels",
  "-l",
  "--registry-config",
  "--repository-config",
  "--repository-cache",
  "--kube-apiserver",
  "--kube-as-user",
  "--kube-as-group",
  "--kube-ca-file",
  "--kube-token",
  "--burst-limit",
  "--qps",
  "--output",
  "-o",
  "--api-versions",
  "-a",
  "--kube-version",
  "--show-only",
  "-s",
  "--output-dir",
  "--wait-for-jobs-timeout",
  "--server-side",
  "--field-manager",
  "--force-conflicts",
  "--rollback-on-failure"
]);
function parseInstallArgs(argv) {
  const args = [...argv];
  const role = args.shift();
  if (role !== "control-plane" && role !== "data-plane") {
    throw new UsageError(
      role === void 0 ? "say what to install: control-plane or data-plane" : `unknown role ${JSON.stringify(role)}: use control-plane or data-plane`
    );
  }
  const p = { role, release: "flyte", template: false, print: false, pass: [] };
  const value = (flag, inline) => {
    const v = inline ?? args.shift();
    if (v === void 0 || inline === void 0 && v.startsWith("-")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const a = args.shift();
    if (a === "--") {
      p.pass.push(...args.splice(0));
      break;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : void 0;
    switch (flag) {
      case "--cloud": {
        const c = value(flag, inline);
        if (c === "aws")
          throw new FlytemcError([
            {
              severity: "error",
              where: "--cloud aws",
              what: "there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS",
              fix: "use --cloud eks"
            }
          ]);
        if (c !== "eks" && c !== "gcp") throw new UsageError(`--cloud ${JSON.stringify(c)}: use eks or gcp`);
        p.cloud = c;
        break;
      }
      case "--name":
        p.name = value(flag, inline);
        break;
      case "--admin-endpoint":
        p.adminEndpoint = value(flag, inline);
        break;
      case "--release":
        p.release = value(flag, inline);
        break;
      case "-n":
      case "--namespace":
        p.namespace = value(flag, inline);
        break;
      case "--kube-context":
        p.kubeContext = value(flag, inline);
        break;
      case "--debug":
        p.debug = true;
        break;
      case "--chart":
        p.chart = value(flag, inline);
        break;
      case "--template":
        p.template = true;
        break;
      case "--print":
        p.print = true;
        break;
      case "--post-renderer":
        throw new UsageError("install sets --post-renderer itself; to add arguments use --post-renderer-args");
      case "--create-namespace": {
        if (inline !== void 0) throw new UsageError("--create-namespace takes no value: use --namespace NS --create-namespace");
        const next = args[0];
        if (next !== void 0 && !next.startsWith("-")) {
          throw new FlytemcError([
            {
              severity: "error",
              where: `--create-namespace ${next}`,
              what: `--create-namespace is a flag and takes no value, so ${JSON.stringify(next)} would become a stray argument and \`helm upgrade\` would fail (the upstream guide's mistake)`,
              fix: `use --namespace ${next} --create-namespace`
            }
          ]);
        }
        p.pass.push(a);
        break;
      }
      default:
        if (!a.startsWith("-")) {
          throw new FlytemcError([
            {
              severity: "error",
              where: a,
              what: `stray argument ${JSON.stringify(a)}: install takes the chart and release itself`,
              fix: a.endsWith(".yaml") || a.endsWith(".yml") ? `pass values files with -f: -f ${a}` : "remove it, or use --release NAME / --chart PATH"
            }
          ]);
        }
        p.pass.push(a);
        if (inline === void 0 && VALUE_FLAGS.has(flag) && args.length) p.pass.push(args.shift());
    }
  }
  if (p.role === "data-plane" && !p.name) {
    throw new FlytemcError([
      {
        severity: "error",
        where: "install data-plane",
        what: "a data plane needs its cluster name: FlyteAdmin drops events from a data plane whose flytepropeller.clusterName differs from its clusterConfigs name",
        fix: "add --name NAME (the name the control plane lists it under, e.g. --name dp1)"
      }
    ]);
  }
  if (p.role === "control-plane" && p.name) throw new UsageError("--name is for data planes; a control plane lists its data planes in multicluster.clusters");
  if (p.role === "control-plane" && p.adminEndpoint)
    throw new UsageError("--admin-endpoint is for data planes: it tells their flytepropeller where this control plane's FlyteAdmin is");
  if (p.adminEndpoint !== void 0 && !/^(dns:\/\/\/)?[A-Za-z0-9.\-[\]:]+$/.test(p.adminEndpoint)) {
    throw new FlytemcError([
      {
        severity: "error",
        where: `--admin-endpoint ${p.adminEndpoint}`,
        what: "not a gRPC address flytepropeller can dial",
        fix: "write it as dns:///HOST:PORT, e.g. --admin-endpoint dns:///flyte.example.com:443 (no https://)"
      }
    ]);
  }
  if (p.name !== void 0 && /[,=\s{}[\]]/.test(p.name))
    throw new UsageError(`--name ${JSON.stringify(p.name)}: a cluster name cannot contain ',', '=', spaces or brackets`);
  return p;
}
function planInstall(p, major, root, helm4Plugins) {
  const chart = p.chart ?? shippedChart(root);
  const files = roleFiles(chart, p.role, p.cloud);
  const namespace = namespaceSetting(p.namespace).value;
  const context = kubeContextSetting(p.kubeContext)?.value;
  const args = p.template ? ["template", p.release, chart] : ["upgrade", "--install", p.release, chart];
  if (context) args.push("--kube-context", context);
  args.push("--namespace", namespace);
  for (const f of files) args.push("-f", f);
  if (p.name) args.push("--set-string", `multicluster.clusterName=${p.name}`, "--set-string", `flyte-core.flytepropeller.clusterName=${p.name}`);
  if (p.adminEndpoint) args.push("--set-string", `multicluster.controlPlane.adminEndpoint=${p.adminEndpoint}`);
  const env = {};
  const postRenderer = major >= 4 ? RENDERER : join(root, "dist", `${RENDERER}.cjs`);
  args.push("--post-renderer", postRenderer);
  if (major >= 4 && helm4Plugins) env.HELM_PLUGINS = helm4PluginsPath(process.env.HELM_PLUGINS ?? "", helm4Plugins);
  args.push(...p.pass.filter((a) => !(p.template && a === "--create-namespace")));
  if (p.debug || debugOn()) args.push("--debug");
  return { helm: "", major, args, env, postRenderer };
}
var planNamespace = (plan) => plan.args[plan.args.indexOf("--namespace") + 1];
async function run(argv) {
  return guard(async () => {
    if (argv.includes("-h") || argv.includes("--help")) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const parsed = parseInstallArgs(argv);
    const root = pluginRoot();
    const helm = detectHelm();
    const henv = helmEnv(helm);
    if (!process.env.HELM_PLUGINS && henv.HELM_PLUGINS) process.env.HELM_PLUGINS = henv.HELM_PLUGINS;
    let helm4Folder;
    if (helm.major >= 4) {
      helm4Folder = registeredHelm4Folder(henv.HELM_DATA_HOME) ?? separateHelm4Dir(henv.HELM_DATA_HOME);
      if ((process.env.HELM_PLUGINS ?? "").split(delimiter).includes(helm4Folder)) helm4Folder = void 0;
    }
    const plan = planInstall(parsed, helm.major, root, helm4Folder);
    const chart = parsed.chart ?? shippedChart(root);
    const meta = chartYaml(chart);
    const shown = [helm.bin, ...plan.args].map(shellQuote).join(" ");
    const envShown = Object.entries(plan.env).map(([k, v]) => `${k}=${shellQuote(v)} `).join("");
    if (parsed.print) {
      await writeOut(`${envShown}${shown}
`);
      return EXIT.ok;
    }
    if (declaresFlyteCore(meta)) coreChart(chart, meta);
    if (!parsed.template) {
      const { refuseUnverifiedHelmContext } = await import("./kube-MB6E3PEK.mjs");
      await refuseUnverifiedHelmContext(plan.args);
    }
    if (helm.major >= 4 && plan.postRenderer) {
      const folder = registeredHelm4Folder(henv.HELM_DATA_HOME) ?? separateHelm4Dir(henv.HELM_DATA_HOME);
      registerHelm4(folder, root);
      const rec = readRecord(henv.HELM_DATA_HOME);
      if (!rec.dirs.includes(join(folder, RENDERER))) writeRecord(henv.HELM_DATA_HOME, { ...rec, dirs: [...rec.dirs, join(folder, RENDERER)] });
    }
    if (planNamespace(plan) === "default") {
      process.stderr.write(
        `flytemc: note: namespace default (Helm's -n, else your context's namespace, else default); Flyte usually runs in flyte: pass -n flyte
`
      );
    }
    process.stderr.write(`flytemc: running ${envShown}${shown}
`);
    const r = await runHelmPassthrough(helm.bin, plan.args, { ...process.env, ...plan.env });
    if (r.code === 0) return EXIT.ok;
    const postRenderFailed = !!plan.postRenderer && /error while running post render/.test(r.stderr);
    let said = r.stderr;
    if (postRenderFailed && helm.major >= 4) {
      const file = errorFilePath();
      said = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
      const firstLine = said.split("\n")[0] ?? "";
      if (!said) process.stderr.write(`
flytemc: the post-renderer failed; Helm 4 hides its message, see ${file}
`);
      else if (!r.stderr.includes(firstLine)) process.stderr.write(`
flytemc: the post-renderer said (Helm 4 hides it; from ${file}):
${said}
`);
    }
    if (postRenderFailed) return /failed unexpectedly|bug in flytemc/.test(said) ? EXIT.internal : EXIT.invalid;
    return EXIT.failed;
  });
}
export {
  run,
  summary,
  usage
};
