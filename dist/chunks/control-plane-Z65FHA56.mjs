#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  header,
  vendoredChart,
  writeFiles
} from "./chunk-SSTBEFP2.mjs";
import {
  parseStream,
  postRender,
  resourceId
} from "./chunk-FUSMGLKO.mjs";
import "./chunk-A763IIPD.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import {
  DEFAULT_CREDENTIALS
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import {
  chartYaml,
  coreChart,
  roleFiles,
  shippedChart
} from "./chunk-XLSMOU2J.mjs";
import {
  detectHelm,
  pluginRoot,
  shellQuote
} from "./chunk-MYO4P6B7.mjs";
import {
  printWarnings
} from "./chunk-PWPBOTUG.mjs";
import {
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import {
  canonical,
  isObject
} from "./chunk-4VJRSWY5.mjs";
import "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  get
} from "./chunk-C2L5FP4Q.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/export/control-plane.ts
import { join as join3 } from "node:path";

// plugin/export/argocd.ts
import { existsSync } from "node:fs";
import { dirname, join as join2, relative as relative2, resolve, sep } from "node:path";

// plugin/export/patches.ts
var INDEXED = /^(\/spec\/template\/spec\/(?:containers|initContainers|volumes)\/\d+)(?:\/|$)/;
function guarded(original, ops) {
  const tests = /* @__PURE__ */ new Map();
  const pin = (path) => {
    const value = get(original, path);
    if (value !== void 0 && !tests.has(path)) tests.set(path, { op: "test", path, value });
  };
  for (const op of ops) {
    const m = INDEXED.exec(op.path);
    if (m) pin(`${m[1]}/name`);
    if (op.op === "replace" || op.op === "remove") pin(op.path);
  }
  return [...tests.values(), ...ops];
}
function objectPatches(result, original) {
  return result.patches.map((p) => ({
    target: p.target,
    file: `${p.target.kind}-${p.target.name}.yaml`.toLowerCase(),
    ops: guarded(original(p.target), p.ops)
  }));
}
function kustomizeTarget(t) {
  const slash = t.apiVersion.indexOf("/");
  return {
    ...slash > 0 ? { group: t.apiVersion.slice(0, slash) } : {},
    version: slash > 0 ? t.apiVersion.slice(slash + 1) : t.apiVersion,
    kind: t.kind,
    name: t.name,
    ...t.namespace ? { namespace: t.namespace } : {}
  };
}

// plugin/export/render.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { createHash } from "node:crypto";
function helmTemplate(helm, args, what) {
  const r = spawnSync(helm.bin, ["template", ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, env: process.env });
  if (r.error)
    throw new FlytemcError(
      [
        error(
          { code: "helm.missing", subject: helm.bin },
          `cannot run Helm (${r.error.message})`,
          "install Helm 3.17+ or 4, or run this as `helm flytemc export ...`"
        )
      ],
      EXIT.usage
    );
  if (r.status !== 0) {
    throw new FlytemcError([
      error(
        { code: "export.helm-template", subject: what },
        `helm template failed:
${(r.stderr || "").trim()}`,
        "fix the values as Helm says; `helm flytemc install control-plane --template` shows the same"
      )
    ]);
  }
  return r.stdout;
}
function differences(a, b, skip) {
  const index = (text) => {
    const m = /* @__PURE__ */ new Map();
    for (const d of parseStream(text)) {
      const id = resourceId(d.value);
      if (!id || skip(d.value)) continue;
      m.set(`${id.apiVersion} ${id.kind} ${id.namespace ?? ""}/${id.name}`, JSON.stringify(canonical(d.value)));
    }
    return m;
  };
  const x = index(a);
  const y = index(b);
  const out = [];
  for (const [k, v] of x) if (y.get(k) !== v) out.push(`${k}${y.has(k) ? " differs" : " is missing"}`);
  for (const k of y.keys()) if (!x.has(k)) out.push(`${k} is extra`);
  return out;
}
function renderControlPlane(input) {
  const { helm, chart, release, namespace } = input;
  const meta = chartYaml(chart);
  const core = coreChart(chart, meta);
  const files = [...roleFiles(chart, "control-plane", input.cloud), ...input.values];
  const capabilities = [...input.apiVersions.flatMap((a) => ["--api-versions", a]), ...input.kubeVersion ? ["--kube-version", input.kubeVersion] : []];
  const stream = helmTemplate(
    helm,
    [release, chart, "--namespace", namespace, ...files.flatMap((f) => ["-f", f]), ...capabilities],
    `the control plane (chart ${chart})`
  );
  const result = postRender(stream);
  const read = readValuesFiles(files);
  const merged = read.merged;
  const m = isObject(merged) ? merged : {};
  const coreValues = { ...isObject(m["flyte-core"]) ? m["flyte-core"] : {} };
  if (isObject(m.global)) coreValues.global = m.global;
  const mc = isObject(m.multicluster) ? m.multicluster : {};
  const secretName = isObject(mc.credentials) && typeof mc.credentials.secretName === "string" ? mc.credentials.secretName : DEFAULT_CREDENTIALS.secretName;
  const tmp = mkdtempSync(join(tmpdir(), "flytemc-export-"));
  try {
    const valuesFile = join(tmp, "values.yaml");
    writeFileSync(valuesFile, dumpYaml(coreValues), { mode: 384 });
    const alone = helmTemplate(
      helm,
      [release, core.archive, "--namespace", namespace, "-f", valuesFile, ...capabilities],
      `flyte-core ${core.version} with the exported values`
    );
    const consumed = (v) => isObject(v) && typeof v.apiVersion === "string" && v.apiVersion.startsWith("flytemc.io/");
    const diff = differences(stream, alone, consumed);
    if (diff.length) {
      throw new FlytemcError(
        [
          error(
            { code: "export.differs", subject: "flytemc export" },
            `flyte-core ${core.version} rendered alone with the exported values does not give the chart's objects: ${diff.slice(0, 5).join("; ")}${diff.length > 5 ? `; and ${diff.length - 5} more` : ""}`,
            "this is a bug in flytemc; report it with your values files"
          )
        ],
        EXIT.internal
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const inChart = (f) => !relative(chart, f).startsWith("..");
  return {
    input,
    core,
    chartId: `${meta?.name ?? basename(chart)} ${meta?.version ?? ""}`.trim(),
    inputs: files.map((f, i) => ({
      label: inChart(f) ? `${basename(chart)}/${relative(chart, f)}` : f,
      sha256: createHash("sha256").update(read.files[i].text).digest("hex")
    })),
    stream,
    result,
    coreValues,
    secretName
  };
}
function originals(stream) {
  const byId = /* @__PURE__ */ new Map();
  for (const d of parseStream(stream)) {
    const id = resourceId(d.value);
    if (id) byId.set(`${id.kind}\0${id.namespace ?? ""}\0${id.name}`, d.value);
  }
  return (t) => byId.get(`${t.kind}\0${t.namespace ?? ""}\0${t.name}`);
}

// plugin/export/kustomize.ts
var CHART_HOME = "charts";
var PATCHES = "patches";
var patchFile = (head, ops) => `${head}# RFC 6902 operations of the flytemc post-renderer; the \`test\` ones pin what they assume.
${dumpYaml(ops)}`;
function kustomizeFiles(r, p, o) {
  const head = header(r, p);
  const patches = objectPatches(r.result, originals(r.stream));
  const chart = {
    name: r.core.name,
    repo: r.core.repository,
    version: r.core.version,
    releaseName: r.input.release,
    namespace: r.input.namespace,
    valuesFile: "values.yaml"
  };
  if (r.input.apiVersions.length) chart.apiVersions = r.input.apiVersions;
  if (r.input.kubeVersion) chart.kubeVersion = r.input.kubeVersion;
  const kustomization = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    helmCharts: [chart],
    patches: patches.map((x) => ({ path: `${PATCHES}/${x.file}`, target: kustomizeTarget(x.target) }))
  };
  const how = [
    `# Build: kubectl kustomize --enable-helm DIR, or kustomize build --enable-helm DIR (needs \`helm\` on PATH).`,
    `# Argo CD: set \`kustomize.buildOptions: --enable-helm\` in ConfigMap argocd-cm.`,
    o.vendorChart ? `# flyte-core is vendored in ${CHART_HOME}/${r.core.name}-${r.core.version}/: no download at build time.` : `# kustomize pulls flyte-core ${r.core.version} from ${r.core.repository} into ${CHART_HOME}/ on the first build (--vendor-chart ships it instead).`,
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) is not here: \`flytemc join --secret-out\` writes it, to seal or encrypt.`,
    ""
  ].join("\n");
  const files = [
    { path: "kustomization.yaml", data: head + how + dumpYaml(kustomization) },
    { path: "values.yaml", data: `${head}# flyte-core's values: the \`flyte-core\` block of the values above, merged.
${dumpYaml(r.coreValues)}` },
    ...patches.map((x) => ({ path: `${PATCHES}/${x.file}`, data: patchFile(head, x.ops) }))
  ];
  if (o.vendorChart) files.push(...vendoredChart(r, CHART_HOME));
  return files;
}

// plugin/export/argocd.ts
var KUSTOMIZE_DIR = "control-plane";
function repoPath(dir) {
  const abs = resolve(dir);
  for (let d = abs; ; d = dirname(d)) {
    if (existsSync(join2(d, ".git"))) return { path: relative2(d, abs).split(sep).join("/") || ".", inGit: true };
    if (dirname(d) === d) break;
  }
  return { path: relative2(process.cwd(), abs).split(sep).join("/") || ".", inGit: false };
}
function argocdFiles(r, p, o, path) {
  const application = {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: { name: o.name, namespace: "argocd" },
    spec: {
      project: o.project,
      source: { repoURL: o.repoURL, targetRevision: o.revision, path },
      destination: { server: o.server, namespace: r.input.namespace },
      syncPolicy: { syncOptions: ["CreateNamespace=true", "ServerSideApply=true"] }
    }
  };
  const how = [
    `# Argo CD builds ${path} with kustomize, flyte-core through its helmCharts inflator, which Argo CD`,
    "# allows only with this setting in ConfigMap argocd-cm (namespace argocd):",
    "#   data:",
    "#     kustomize.buildOptions: --enable-helm",
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) must reach namespace ${r.input.namespace} too:`,
    "# `flytemc join --secret-out` writes it, to seal or encrypt (an overlay next to control-plane/ can carry it).",
    ""
  ].join("\n");
  return [
    { path: "application.yaml", data: header(r, p) + how + dumpYaml(application) },
    ...kustomizeFiles(r, p, o).map((f) => ({ ...f, path: `${KUSTOMIZE_DIR}/${f.path}` }))
  ];
}

// plugin/export/flux.ts
var REPOSITORY_NAME = "flyteorg";
function fluxFiles(r, p) {
  const { release, namespace } = r.input;
  const patches = objectPatches(r.result, originals(r.stream));
  const repository = {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "HelmRepository",
    metadata: { name: REPOSITORY_NAME, namespace },
    spec: { interval: "1h", url: r.core.repository }
  };
  const helmRelease = {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: release, namespace },
    spec: {
      interval: "10m",
      releaseName: release,
      chart: { spec: { chart: r.core.name, version: r.core.version, sourceRef: { kind: "HelmRepository", name: REPOSITORY_NAME } } },
      values: r.coreValues,
      // JSON, not YAML: kustomize trims an inline patch, which would cut the final newline of a
      // YAML block scalar (clusters.yaml's last line) but not of a JSON string's `\n`
      postRenderers: [{ kustomize: { patches: patches.map((x) => ({ target: kustomizeTarget(x.target), patch: JSON.stringify(x.ops, null, 2) + "\n" })) } }]
    }
  };
  const how = [
    `# Apply with Flux (a Kustomization whose path holds this file). Flux installs release ${release} into`,
    `# namespace ${namespace}; Secret ${namespace}/${r.secretName} (the data planes' tokens) must be there first:`,
    "# `flytemc join --secret-out` writes it, to seal or encrypt.",
    ""
  ].join("\n");
  return [{ path: "helmrelease.yaml", data: `${header(r, p)}${how}---
${dumpYaml(repository)}---
${dumpYaml(helmRelease)}` }];
}

// plugin/export/control-plane.ts
function commandOf(o) {
  const words = ["flytemc", "export", o.kind, "--release", o.release, "-n", o.namespace];
  if (o.cloud) words.push("--cloud", o.cloud);
  if (o.chart) words.push("--chart", o.chart);
  for (const a of o.apiVersions) words.push("-a", a);
  if (o.kubeVersion) words.push("--kube-version", o.kubeVersion);
  for (const f of o.values) words.push("-f", f);
  if (o.vendorChart) words.push("--vendor-chart");
  return words;
}
var provenance = (o, words) => ({ version: o.version, command: words.map(shellQuote).join(" ") });
function writeKustomize(o, rendered, words) {
  const removed = writeFiles(
    o.out,
    kustomizeFiles(rendered, provenance(o, words), { vendorChart: o.vendorChart }),
    [PATCHES],
    o.vendorChart ? `${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : void 0
  );
  const next = `build it: kubectl kustomize --enable-helm ${o.out}
apply it: kubectl kustomize --enable-helm ${o.out} | kubectl apply --server-side -n ${o.namespace} -f -`;
  return { removed, next };
}
function writeFlux(o, rendered, words) {
  const removed = writeFiles(o.out, fluxFiles(rendered, provenance(o, words)), []);
  return { removed, next: `commit ${join3(o.out, "helmrelease.yaml")} where a Flux Kustomization applies it` };
}
function writeArgocd(o, rendered, words) {
  const a = o.argocd;
  const found = a.path === void 0 ? repoPath(join3(o.out, KUSTOMIZE_DIR)) : { path: a.path, inGit: true };
  if (!found.inGit)
    process.stderr.write(
      `warning: ${o.out} is not in a git work tree; the Application's path is ${found.path} (relative to here): pass --path PATH to set it
`
    );
  const settings = {
    vendorChart: o.vendorChart,
    repoURL: a.repoURL,
    revision: a.revision ?? "HEAD",
    server: a.server ?? "https://kubernetes.default.svc",
    project: a.project ?? "default",
    name: a.name ?? o.release
  };
  words.push("--repo-url", a.repoURL, "--path", found.path);
  for (const [flag, value] of [
    ["--revision", a.revision],
    ["--dest-server", a.server],
    ["--project", a.project],
    ["--app-name", a.name]
  ])
    if (value !== void 0) words.push(flag, value);
  const removed = writeFiles(
    o.out,
    argocdFiles(rendered, provenance(o, words), settings, found.path),
    [`${KUSTOMIZE_DIR}/${PATCHES}`],
    o.vendorChart ? `${KUSTOMIZE_DIR}/${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : void 0
  );
  const next = `commit ${o.out}; in Argo CD set kustomize.buildOptions: --enable-helm (argocd-cm), then: kubectl apply -n argocd -f ${join3(o.out, "application.yaml")}`;
  return { removed, next };
}
var WRITERS = {
  kustomize: writeKustomize,
  flux: writeFlux,
  argocd: writeArgocd
};
function exportControlPlane(o) {
  const root = pluginRoot();
  const rendered = renderControlPlane({
    helm: detectHelm(),
    chart: o.chart ?? shippedChart(root),
    release: o.release,
    namespace: o.namespace,
    ...o.cloud ? { cloud: o.cloud } : {},
    values: o.values,
    apiVersions: o.apiVersions,
    ...o.kubeVersion ? { kubeVersion: o.kubeVersion } : {}
  });
  printWarnings(rendered.result.warnings);
  const written = WRITERS[o.kind](o, rendered, commandOf(o));
  return { ...written, patched: rendered.result.patches.map((p) => `${p.target.kind}/${p.target.name}`) };
}
export {
  exportControlPlane
};
