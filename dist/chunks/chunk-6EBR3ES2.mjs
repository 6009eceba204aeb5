#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseStream,
  postRender,
  resourceId
} from "./chunk-S5ECCPVH.mjs";
import {
  DEFAULT_CREDENTIALS
} from "./chunk-CMNDI7DY.mjs";
import {
  chartYaml,
  coreChart,
  roleFiles
} from "./chunk-J6Y6MNZY.mjs";
import {
  readValuesFiles
} from "./chunk-ATTPCIUO.mjs";
import {
  canonical,
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

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
      [error(helm.bin, `cannot run Helm (${r.error.message})`, "install Helm 3.17+ or 4, or run this as `helm flytemc export ...`")],
      EXIT.usage
    );
  if (r.status !== 0) {
    throw new FlytemcError([
      error(
        what,
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
            "flytemc export",
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

export {
  renderControlPlane,
  originals
};
