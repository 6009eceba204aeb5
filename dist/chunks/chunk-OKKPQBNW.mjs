#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  unknownCoreKeys
} from "./chunk-OUC775SF.mjs";
import {
  RENDERER,
  helm4PluginsPath,
  readRecord,
  registerHelm4,
  registeredHelm4Folder,
  separateHelm4Dir,
  writeRecord
} from "./chunk-GAORPYMV.mjs";
import {
  detectHelm,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  runHelmPassthrough,
  shellQuote
} from "./chunk-OVIFR6TO.mjs";
import {
  debugOn,
  newErrorFilePath,
  printWarnings
} from "./chunk-PWPBOTUG.mjs";
import {
  chartYaml,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-J6Y6MNZY.mjs";
import {
  parseValuesFile
} from "./chunk-ATTPCIUO.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  writeOut
} from "./chunk-TUCM6SPK.mjs";
import {
  EXIT,
  UsageError,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/commands/helm-install.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { delimiter } from "node:path";
var OWN_VALUE = /* @__PURE__ */ new Set(["--cloud", "--name", "--admin-endpoint", "--release", "-n", "--namespace", "--kube-context", "--chart"]);
var OWN_FLAG = /* @__PURE__ */ new Set(["--template", "--print", "--debug"]);
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
  let helmOptionBefore = false;
  while (args.length) {
    const a = args.shift();
    if (a === "--") {
      p.pass.push(...args.splice(0));
      break;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : void 0;
    if (OWN_VALUE.has(flag)) {
      const v = value(flag, inline);
      if (flag === "--cloud") {
        if (v === "aws")
          throw new UsageError("--cloud aws: there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS", "use --cloud eks");
        if (v !== "eks" && v !== "gcp") throw new UsageError(`--cloud ${JSON.stringify(v)}: use eks or gcp`);
        p.cloud = v;
      } else if (flag === "--name") p.name = v;
      else if (flag === "--admin-endpoint") p.adminEndpoint = v;
      else if (flag === "--release") p.release = v;
      else if (flag === "--kube-context") p.kubeContext = v;
      else if (flag === "--chart") p.chart = v;
      else p.namespace = v;
      helmOptionBefore = false;
      continue;
    }
    if (OWN_FLAG.has(a)) {
      if (a === "--template") p.template = true;
      else if (a === "--print") p.print = true;
      else p.debug = true;
      helmOptionBefore = false;
      continue;
    }
    if (flag === "--post-renderer") throw new UsageError("install sets --post-renderer itself; to add arguments use --post-renderer-args");
    if (a === "--create-namespace" && args[0] !== void 0 && !args[0].startsWith("-")) {
      throw new UsageError(
        `--create-namespace ${args[0]}: --create-namespace is a flag and takes no value, so ${JSON.stringify(args[0])} would become a stray argument and \`helm upgrade\` would fail (the upstream guide's mistake)`,
        `use --namespace ${args[0]} --create-namespace`
      );
    }
    if (!a.startsWith("-") && !helmOptionBefore) {
      throw new UsageError(
        `stray argument ${JSON.stringify(a)}: install passes the release and the chart to Helm itself`,
        /\.ya?ml$/.test(a) ? `pass values files with -f: -f ${a}` : "remove it, or use --release NAME / --chart PATH"
      );
    }
    p.pass.push(a);
    helmOptionBefore = a.startsWith("-") && inline === void 0 && !/^-[A-Za-z]./.test(a);
  }
  if (p.role === "data-plane" && !p.name) {
    throw new UsageError(
      "a data plane needs its cluster name: FlyteAdmin drops events from a data plane whose flytepropeller.clusterName differs from its clusterConfigs name",
      "add --name NAME (the name the control plane lists it under, e.g. --name dp1)"
    );
  }
  if (p.role === "control-plane" && p.name) throw new UsageError("--name is for data planes; a control plane lists its data planes in multicluster.clusters");
  if (p.role === "control-plane" && p.adminEndpoint)
    throw new UsageError("--admin-endpoint is for data planes: it tells their flytepropeller where this control plane's FlyteAdmin is");
  if (p.adminEndpoint !== void 0 && !/^(dns:\/\/\/)?[A-Za-z0-9.\-[\]:]+$/.test(p.adminEndpoint)) {
    throw new UsageError(
      `--admin-endpoint ${p.adminEndpoint}: not a gRPC address flytepropeller can dial`,
      "write it as dns:///HOST:PORT, e.g. --admin-endpoint dns:///flyte.example.com:443 (no https://)"
    );
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
  args.push(...p.pass);
  if (p.debug || debugOn()) args.push("--debug");
  return { helm: "", major, args, env, postRenderer };
}
var planNamespace = (plan) => plan.args[plan.args.indexOf("--namespace") + 1];
function valuesFilesOf(pass) {
  const out = [];
  pass.forEach((a, i) => {
    const m = /^(?:-f|--values)(?:=(.+))?$/.exec(a) ?? /^-f(.+)$/.exec(a);
    const f = m ? m[1] ?? pass[i + 1] : void 0;
    if (f) out.push(...f.split(","));
  });
  return out.filter((f) => f !== "-" && !/^[a-z]+:\/\//.test(f) && existsSync(f));
}
function warnUnknownCoreKeys(files, chartFiles) {
  const read = (f) => {
    try {
      return parseValuesFile(f, readFileSync(f, "utf8"));
    } catch {
      return void 0;
    }
  };
  const ours = chartFiles.map(read).map((v) => isObject(v) ? v["flyte-core"] : void 0);
  for (const f of files) {
    const v = read(f);
    if (!isObject(v)) continue;
    const text = readFileSync(f, "utf8");
    printWarnings(unknownCoreKeys(v["flyte-core"], (p) => where({ label: f, text, base: "/flyte-core" }, p), "warning", ours));
  }
}
function helmFailure(stderr, postRendererSaid = stderr) {
  const error = stderr.slice(stderr.lastIndexOf("Error: "));
  if (/error while running post render/.test(error))
    return { code: /failed unexpectedly|bug in flytemc/.test(postRendererSaid) ? EXIT.internal : EXIT.invalid };
  if (/^Error: (unknown (shorthand )?flag|flag needs an argument|invalid argument "|bad flag syntax)/.test(error))
    return {
      code: EXIT.usage,
      hint: "Helm refused the command line: every option install does not know is passed to it unchanged (`helm upgrade --help`; with --template, `helm template --help`)"
    };
  if (/^Error: ("helm \w+" requires|expected at most|accepts \d+ arg)/.test(error))
    return { code: EXIT.usage, hint: "install passes the release and the chart itself: pass values files with -f FILE" };
  if (/^Error: open .*: no such file or directory/.test(error)) return { code: EXIT.usage };
  if (/^Error: (execution error at \(|values don't meet the specifications of the schema|failed to parse |YAML parse error)/.test(error))
    return { code: EXIT.invalid };
  return { code: EXIT.failed };
}
async function runInstall(parsed) {
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
  const shown = redact([helm.bin, ...plan.args].map(shellQuote).join(" "));
  const envShown = Object.entries(plan.env).map(([k, v]) => `${k}=${shellQuote(v)} `).join("");
  if (parsed.print) {
    await writeOut(`${envShown}${shown}
`);
    return EXIT.ok;
  }
  if (declaresFlyteCore(meta)) coreChart(chart, meta);
  warnUnknownCoreKeys(valuesFilesOf(parsed.pass), roleFiles(chart, parsed.role, parsed.cloud));
  if (!parsed.template) {
    const { checkHelmContext } = await import("./kube-JPZPVNHH.mjs");
    await checkHelmContext(plan.args);
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
  let errorFile;
  try {
    errorFile = newErrorFilePath();
  } catch {
    errorFile = void 0;
  }
  const r = await runHelmPassthrough(helm.bin, plan.args, { ...process.env, ...plan.env, ...errorFile ? { FLYTEMC_ERROR_FILE: errorFile } : {} });
  if (r.code === 0) return EXIT.ok;
  const postRenderFailed = !!plan.postRenderer && /error while running post render/.test(r.stderr);
  let said = r.stderr;
  if (postRenderFailed && helm.major >= 4) {
    said = errorFile && existsSync(errorFile) ? readFileSync(errorFile, "utf8").trim() : "";
    const firstLine = said.split("\n")[0] ?? "";
    if (!said)
      process.stderr.write(`
flytemc: the post-renderer failed; Helm 4 hides its message, and it wrote no error file${errorFile ? ` (${errorFile})` : ""}
`);
    else if (!r.stderr.includes(firstLine)) process.stderr.write(`
flytemc: the post-renderer said (Helm 4 hides it; from ${errorFile}):
${redact(said)}
`);
  }
  const failure = helmFailure(r.stderr, said);
  if (failure.hint) process.stderr.write(`flytemc: ${failure.hint}
`);
  return failure.code;
}

export {
  parseInstallArgs,
  runInstall
};
