#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkName
} from "./chunk-SYI5OANH.mjs";
import {
  computeRoutes
} from "./chunk-XSHMAYF4.mjs";
import {
  clusterListFile,
  editValuesFile,
  enabledClusters,
  setEnabled
} from "./chunk-QPZTICO7.mjs";
import {
  Plan,
  formatPlan
} from "./chunk-YBFDPERJ.mjs";
import {
  installChart
} from "./chunk-7CVUCHLC.mjs";
import {
  parseInstallArgs
} from "./chunk-5SKCRAL6.mjs";
import {
  kubeContextSetting,
  namespaceSetting,
  shellQuote
} from "./chunk-MYO4P6B7.mjs";
import {
  StoppedPartWay,
  commandLine,
  guard,
  self
} from "./chunk-PWPBOTUG.mjs";
import {
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  showUsage,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/cordon.ts
function dropped(before, after) {
  const live = (c) => new Set(
    computeRoutes(c).labels.filter((l) => !l.dropped).map((l) => l.label)
  );
  const [b, a] = [live(before), live(after)];
  return [...b].filter((l) => !a.has(l));
}
function namesOf(clusters) {
  return (isObject(clusters) && Array.isArray(clusters.clusterConfigs) ? clusters.clusterConfigs : []).map((c) => isObject(c) ? c.name : void 0).filter((n) => typeof n === "string");
}
function planEnabled(parsed, name, enabled, self2) {
  const src = clusterListFile(parsed);
  if (!src)
    throw new FlytemcError([
      error(
        { code: "cordon.no-clusters", subject: parsed.map((p) => p.file).join(", ") || "(no -f)" },
        "no file sets multicluster.clusters.clusterConfigs, so there is no cluster to cordon or uncordon",
        `pass the control plane's values files with -f, the one that \`${self2} join --values\` records the clusters in among them`
      )
    ]);
  if (src.file === "-")
    throw new UsageError(`${enabled ? "uncordon" : "cordon"} edits the file that lists the clusters: pass it as a file, not -f - (standard input)`);
  const values = src.values;
  const list = where({ label: src.label, text: src.text, base: "" }, "/multicluster/clusters/clusterConfigs");
  const before = structuredClone(values.multicluster.clusters);
  const names = namesOf(before);
  if (!names.includes(name))
    throw new FlytemcError([
      error(
        { ...list, code: "cordon.not-joined" },
        `has no cluster ${JSON.stringify(name)} (the cluster list Helm uses: the last -f file that sets it): ${name} is not joined to this control plane; nothing was changed`,
        `name one of: ${names.join(", ") || "(none)"}; a new data plane is joined with ${self2} join CONTEXT --values ${src.file}`
      )
    ]);
  const probe = structuredClone(values);
  setEnabled(probe, name, enabled, src.label);
  if (!enabled && enabledClusters(probe, src.label).length === 0)
    throw new FlytemcError([
      error(
        { ...list, code: "cordon.last-enabled" },
        `${name} is the last enabled cluster: cordoned, FlyteAdmin could run no execution anywhere, and the post-renderer refuses a control plane with no enabled cluster; nothing was changed`,
        `join or uncordon another data plane first (${self2} join CONTEXT --values ${src.file}, ${self2} uncordon NAME -f ${src.file})`
      )
    ]);
  const after = probe.multicluster.clusters;
  return { file: src.file, labels: enabled ? dropped(after, before) : dropped(before, after) };
}

// plugin/commands/control-plane-values.ts
var VALUES_OPTIONS = {
  values: { type: "string", short: "f", multiple: true },
  "kube-context": { type: "string" },
  namespace: { type: "string", short: "n" },
  release: { type: "string" },
  kubeconfig: { type: "string" },
  upgrade: { type: "boolean", default: false },
  "dry-run": { type: "boolean", default: false }
};
var VALUES_USAGE = `  -f, --values FILE    the control plane's values files, as \`install control-plane\` takes them
                       (repeatable); the last one that sets multicluster.clusters.clusterConfigs
                       is edited (the file \`join --values\` records the clusters in)
  --upgrade            then upgrade the control plane with exactly these files, as
                       \`install control-plane\` does (Helm's output is shown)
  --kube-context HUB   the control plane's context, for the upgrade (helm: Helm's --kube-context)
  -n, --namespace NS   the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  --release NAME       the control plane's Helm release (default flyte)
  --kubeconfig PATH    kubeconfig to use
  --dry-run            print the change and the upgrade; change nothing`;
function upgradeOf(v, files) {
  const context = kubeContextSetting(v["kube-context"])?.value;
  const ns = namespaceSetting(v.namespace).value;
  const args = [
    ...v.release && v.release !== "flyte" ? ["--release", v.release] : [],
    ...context ? ["--kube-context", context] : [],
    ...v.kubeconfig ? ["--kubeconfig", v.kubeconfig] : [],
    "-n",
    ns,
    ...files.flatMap((f) => ["-f", f])
  ];
  return { line: `${self()} install control-plane ${args.map(shellQuote).join(" ")}`, args };
}
async function editEnabled(v, name, enabled) {
  const files = v.values ?? [];
  const { file, labels } = planEnabled(readValuesFiles(files).files, name, enabled, self());
  const plan = new Plan(!!v["dry-run"]);
  const edit = await editValuesFile(file, (vals) => void setEnabled(vals, name, enabled, file), { dryRun: plan.dryRun });
  plan.record({
    target: file,
    object: "multicluster.clusters.clusterConfigs",
    action: edit.changed ? "update" : "unchanged",
    note: `${name}: enabled: ${enabled}${edit.changed ? "" : " already"}`,
    before: edit.before,
    after: edit.after
  });
  const up = upgradeOf(v, files);
  return { file, changed: edit.changed, plan, labels, upgrade: up.line, upgradeArgs: up.args };
}
async function upgradeControlPlane(edit, kept) {
  process.stderr.write(`flytemc: upgrading the control plane: ${edit.upgrade}
`);
  const code = await installChart(parseInstallArgs(["control-plane", ...edit.upgradeArgs]));
  if (code !== EXIT.ok)
    throw new StoppedPartWay(
      [
        error(
          "install control-plane",
          `the upgrade of the control plane failed (Helm's message is above); ${kept}`,
          `fix what Helm says, then rerun: ${edit.upgrade}`
        )
      ],
      code
    );
}
function describeEdit(edit, name, enabled, o) {
  const dry = edit.plan.dryRun;
  const out = [formatPlan(edit.plan.changes, { diff: dry, dryRun: dry }).trimEnd()];
  const is = dry ? "would be" : "is";
  if (!enabled)
    out.push(
      `${name} ${is} cordoned in ${edit.file} (enabled: false): FlyteAdmin keeps its config and credentials, so what runs there goes on and can still be aborted, and sends it no new execution once the control plane runs these values.`
    );
  else out.push(`${name} ${is} uncordoned in ${edit.file} (enabled: true): FlyteAdmin sends it new executions again once the control plane runs these values.`);
  if (edit.labels.length)
    out.push(
      enabled ? `labels that route to ${name} again: ${edit.labels.join(", ")}` : `labels with no other enabled cluster, whose executions now go where FlyteAdmin falls back (\`${self()} routes --label L\` shows where): ${edit.labels.join(", ")}`
    );
  if (dry) out.push(`dry run: nothing was changed; the upgrade would be:
  ${edit.upgrade}`);
  else if (o.next) out.push(`next, upgrade the control plane with these values (or rerun with --upgrade):
  ${edit.upgrade}`);
  if (o.drain && !dry) out.push(`then wait until nothing runs on ${name} (or abort it with --abort):
  ${o.drain}`);
  return `${out.join("\n")}
`;
}
function controlPlaneFlags(v) {
  const context = kubeContextSetting(v["kube-context"])?.value;
  const files = (v.values ?? []).flatMap((f) => ["-f", f]);
  return [...context ? ["--kube-context", context] : [], "-n", namespaceSetting(v.namespace).value, ...files].map(shellQuote).join(" ");
}
function clusterName(positionals, command) {
  if (positionals.length !== 1) throw new UsageError(`name exactly one cluster: ${self()} ${command} NAME -f VALUES...`);
  return checkName(positionals[0], "NAME");
}
async function runEnabledCommand(argv, enabled, usage) {
  return guard(async () => {
    const command = enabled ? "uncordon" : "cordon";
    const { values: v, positionals } = commandLine(argv, VALUES_OPTIONS, true);
    if (v.help) return showUsage(usage);
    const name = clusterName(positionals, command);
    if (!v.values?.length)
      throw new UsageError(`pass the control plane's values files with -f (as for install control-plane): ${self()} ${command} ${name} -f my-values.yaml`);
    const edit = await editEnabled(v, name, enabled);
    const upgrading = v.upgrade && !v["dry-run"];
    const drain = enabled ? void 0 : `${self()} drain ${name} --admin URL ${controlPlaneFlags(v)}`;
    await writeOut(describeEdit(edit, name, enabled, { next: !upgrading, ...drain ? { drain } : {} }));
    if (upgrading) {
      await upgradeControlPlane(edit, `${name} stays ${enabled ? "uncordoned" : "cordoned"} in ${edit.file}`);
      await writeOut(`the control plane is upgraded: FlyteAdmin runs the change once its pods have restarted
`);
    }
    return EXIT.ok;
  });
}

export {
  VALUES_OPTIONS,
  VALUES_USAGE,
  editEnabled,
  upgradeControlPlane,
  describeEdit,
  controlPlaneFlags,
  clusterName,
  runEnabledCommand
};
