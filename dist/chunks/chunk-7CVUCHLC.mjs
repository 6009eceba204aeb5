#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  unknownCoreKeys
} from "./chunk-OUC775SF.mjs";
import {
  chartYaml,
  coreChart,
  declaresFlyteCore,
  roleFiles,
  shippedChart
} from "./chunk-XLSMOU2J.mjs";
import {
  valuesFilesOf
} from "./chunk-5SKCRAL6.mjs";
import {
  RENDERER,
  helm4PluginsPath,
  readRecord,
  registerHelm4,
  registeredHelm4Folder,
  separateHelm4Dir,
  writeRecord
} from "./chunk-7KFSGYL6.mjs";
import {
  detectHelm,
  helmEnv,
  kubeContextSetting,
  namespaceSetting,
  pluginRoot,
  runHelmPassthrough,
  shellQuote
} from "./chunk-MYO4P6B7.mjs";
import {
  debugOn,
  newErrorFilePath,
  printWarnings
} from "./chunk-PWPBOTUG.mjs";
import {
  parseValuesFile
} from "./chunk-LRTHTFRO.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import {
  EXIT,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/helm/install.ts
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
function planInstall(p, major, root, helm4Plugins) {
  const chart = p.chart ?? shippedChart(root);
  const namespace = namespaceSetting(p.namespace).value;
  const context = kubeContextSetting(p.kubeContext)?.value;
  const args = p.template ? ["template", p.release, chart] : ["upgrade", "--install", p.release, chart];
  if (context) args.push("--kube-context", context);
  args.push("--namespace", namespace);
  for (const f of roleFiles(chart, p.role, p.cloud)) args.push("-f", f);
  if (p.name) args.push("--set-string", `multicluster.clusterName=${p.name}`, "--set-string", `flyte-core.flytepropeller.clusterName=${p.name}`);
  if (p.adminEndpoint) args.push("--set-string", `multicluster.controlPlane.adminEndpoint=${p.adminEndpoint}`);
  const env = {};
  args.push("--post-renderer", major >= 4 ? RENDERER : join(root, "dist", `${RENDERER}.cjs`));
  if (major >= 4 && helm4Plugins) env.HELM_PLUGINS = helm4PluginsPath(process.env.HELM_PLUGINS ?? "", helm4Plugins);
  args.push(...p.pass);
  if (p.debug || debugOn()) args.push("--debug");
  return { args, env };
}
function helmFailure(stderr, postRendererSaid2 = stderr) {
  const error = stderr.slice(stderr.lastIndexOf("Error: "));
  if (/error while running post render/.test(error))
    return { code: /failed unexpectedly|bug in flytemc/.test(postRendererSaid2) ? EXIT.internal : EXIT.invalid };
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
function helm4Folder(dataHome) {
  return registeredHelm4Folder(dataHome) ?? separateHelm4Dir(dataHome);
}
function register(dataHome, root) {
  const folder = helm4Folder(dataHome);
  registerHelm4(folder, root);
  const rec = readRecord(dataHome);
  if (!rec.dirs.includes(join(folder, RENDERER))) writeRecord(dataHome, { ...rec, dirs: [...rec.dirs, join(folder, RENDERER)] });
}
function postRendererSaid(helmStderr, errorFile) {
  const said = errorFile && existsSync(errorFile) ? readText(errorFile).trim() : "";
  const firstLine = said.split("\n")[0] ?? "";
  if (!said)
    process.stderr.write(`
flytemc: the post-renderer failed; Helm 4 hides its message, and it wrote no error file${errorFile ? ` (${errorFile})` : ""}
`);
  else if (!helmStderr.includes(firstLine)) process.stderr.write(`
flytemc: the post-renderer said (Helm 4 hides it; from ${errorFile}):
${redact(said)}
`);
  return said;
}
function errorFileOrNone() {
  try {
    return newErrorFilePath();
  } catch {
    return void 0;
  }
}
async function runInstall(parsed, checks) {
  const root = pluginRoot();
  const helm = detectHelm();
  const henv = helmEnv(helm);
  if (!process.env.HELM_PLUGINS && henv.HELM_PLUGINS) process.env.HELM_PLUGINS = henv.HELM_PLUGINS;
  let folder = helm.major >= 4 ? helm4Folder(henv.HELM_DATA_HOME) : void 0;
  if (folder && (process.env.HELM_PLUGINS ?? "").split(delimiter).includes(folder)) folder = void 0;
  const plan = planInstall(parsed, helm.major, root, folder);
  const chart = parsed.chart ?? shippedChart(root);
  const meta = chartYaml(chart);
  const shown = `${Object.entries(plan.env).map(([k, v]) => `${k}=${shellQuote(v)} `).join("")}${redact([helm.bin, ...plan.args].map(shellQuote).join(" "))}`;
  if (parsed.print) {
    await writeOut(`${shown}
`);
    return EXIT.ok;
  }
  if (declaresFlyteCore(meta)) coreChart(chart, meta);
  checks.warnValues(valuesFiles(parsed), roleFiles(chart, parsed.role, parsed.cloud));
  if (!parsed.template) await checks.checkContext(plan.args);
  if (helm.major >= 4) register(henv.HELM_DATA_HOME, root);
  if (plan.args[plan.args.indexOf("--namespace") + 1] === "default")
    process.stderr.write(
      `flytemc: note: namespace default (Helm's -n, else your context's namespace, else default); Flyte usually runs in flyte: pass -n flyte
`
    );
  process.stderr.write(`flytemc: running ${shown}
`);
  const errorFile = errorFileOrNone();
  const r = await runHelmPassthrough(helm.bin, plan.args, { ...process.env, ...plan.env, ...errorFile ? { FLYTEMC_ERROR_FILE: errorFile } : {} });
  if (r.code === 0) return EXIT.ok;
  const hidden = helm.major >= 4 && /error while running post render/.test(r.stderr);
  const failure = helmFailure(r.stderr, hidden ? postRendererSaid(r.stderr, errorFile) : r.stderr);
  if (failure.hint) process.stderr.write(`flytemc: ${failure.hint}
`);
  return failure.code;
}
function valuesFiles(parsed) {
  return valuesFilesOf(parsed.pass).filter((f) => existsSync(f));
}

// plugin/commands/helm-install.ts
function read(f) {
  try {
    const text = readText(f);
    return { text, values: parseValuesFile(f, text) };
  } catch {
    return void 0;
  }
}
function warnUnknownCoreKeys(files, chartFiles) {
  const ours = chartFiles.map((f) => read(f)?.values).map((v) => isObject(v) ? v["flyte-core"] : void 0);
  for (const f of files) {
    const r = read(f);
    if (!r || !isObject(r.values)) continue;
    printWarnings(unknownCoreKeys(r.values["flyte-core"], (p) => where({ label: f, text: r.text, base: "/flyte-core" }, p), "warning", ours));
  }
}
function installChart(parsed) {
  return runInstall(parsed, {
    warnValues: warnUnknownCoreKeys,
    checkContext: async (args) => {
      const { checkHelmContext } = await import("./kube-JPZPVNHH.mjs");
      await checkHelmContext(args);
    }
  });
}

export {
  installChart
};
