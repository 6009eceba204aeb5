#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  debug
} from "./chunk-PWPBOTUG.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/helm/helm.ts
import { spawn, spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
var cache = /* @__PURE__ */ new Map();
function namespaceSetting(flag, fallback = "flyte") {
  const s = flag ? { value: flag, from: "--namespace" } : process.env.HELM_NAMESPACE ? { value: process.env.HELM_NAMESPACE, from: "HELM_NAMESPACE (Helm's -n, else the context's namespace, else default)" } : { value: fallback, from: "flytemc's default" };
  debug(`namespace ${s.value} (from ${s.from})`);
  return s;
}
function kubeContextSetting(flag) {
  const s = flag ? { value: flag, from: "--kube-context" } : process.env.HELM_KUBECONTEXT ? { value: process.env.HELM_KUBECONTEXT, from: "HELM_KUBECONTEXT (Helm's --kube-context)" } : void 0;
  debug(s ? `kube context ${s.value} (from ${s.from})` : "kube context: the kubeconfig's current context");
  return s;
}
function helmBin(explicit) {
  return explicit || process.env.HELM_BIN || process.env.FLYTEMC_HELM || "helm";
}
function detectHelm(explicit) {
  const bin = helmBin(explicit);
  const hit = cache.get(bin);
  if (hit) return hit;
  const r = spawnSync(bin, ["version", "--short"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.code === "ENOENT" ? "not found" : r.error.message : (r.stderr || "").trim() || `exit ${r.status}`;
    throw new FlytemcError(
      [error({ code: "helm.missing", subject: bin }, `cannot run Helm (${why})`, "install Helm 3.17+ or 4, put it on PATH, or run this as `helm flytemc ...`")],
      EXIT.usage
    );
  }
  const version = (r.stdout || "").trim();
  const m = /^v(\d+)\./.exec(version);
  if (!m)
    throw new FlytemcError(
      [error({ code: "helm.version", subject: bin }, `unexpected \`helm version --short\` output ${JSON.stringify(version)}`, "use Helm 3.17+ or Helm 4")],
      EXIT.usage
    );
  const info = { bin, major: Number(m[1]), version };
  cache.set(bin, info);
  return info;
}
function helmEnv(info) {
  const r = spawnSync(info.bin, ["env"], { encoding: "utf8" });
  const out = {};
  for (const line of (r.stdout || "").split("\n")) {
    const m = /^([A-Z_]+)="(.*)"$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  for (const k of ["HELM_DATA_HOME", "HELM_PLUGINS", "HELM_CACHE_HOME", "HELM_CONFIG_HOME"]) {
    if (process.env[k]) out[k] = process.env[k];
  }
  if (!out.HELM_DATA_HOME) out.HELM_DATA_HOME = join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "helm");
  if (!out.HELM_PLUGINS) out.HELM_PLUGINS = join(out.HELM_DATA_HOME, "plugins");
  return out;
}
function pluginRoot() {
  const fromHelm = process.env.HELM_PLUGIN_NAME === "flytemc" ? process.env.HELM_PLUGIN_DIR : void 0;
  if (fromHelm && existsSync(join(fromHelm, "dist"))) return fromHelm;
  let dir = dirname(realpathSync(process.argv[1] ?? "."));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "plugin.yaml")) && existsSync(join(dir, "dist", "flytemc-post-renderer.cjs"))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new FlytemcError(
    [
      error(
        { code: "helm.plugin-folder", subject: "flytemc" },
        "cannot find the flytemc plugin folder (plugin.yaml next to dist/)",
        "run it as `helm flytemc ...` after `helm plugin install`, or from a built checkout (node scripts/build.mjs)"
      )
    ],
    EXIT.usage
  );
}
function shellQuote(a) {
  return /^[-\w./:=@,+%]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
function runHelmPassthrough(bin, args, env) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env, stdio: ["inherit", "inherit", "pipe"] });
    let stderr = "";
    let shown = 0;
    const show = (all) => {
      const end = all ? stderr.length : stderr.lastIndexOf("\n") + 1;
      if (end > shown) process.stderr.write(redact(stderr.slice(shown, end)));
      shown = Math.max(shown, end);
    };
    child.stderr.on("data", (d) => {
      stderr += d.toString("utf8");
      show(false);
    });
    child.on("error", (e) => resolve({ code: 127, stderr: String(e.message) }));
    child.on("close", (code) => {
      show(true);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

export {
  namespaceSetting,
  kubeContextSetting,
  detectHelm,
  helmEnv,
  pluginRoot,
  shellQuote,
  runHelmPassthrough
};
