#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  STREAM_INPUT
} from "./chunk-QVD5WBXB.mjs";

// plugin/config/storage.ts
var DEFAULTS = { type: "sandbox", bucketName: "my-s3-bucket", s3: { endpoint: "" }, custom: {} };
var str = (v) => v === void 0 || v === null ? void 0 : String(v);
function resolveTemplate(text, core) {
  const out = text.replace(/\{\{-?\s*\.Values\.([A-Za-z0-9_.]+)\s*-?\}\}/g, (_m, path) => {
    let v = core;
    for (const p of path.split(".")) v = isObject(v) ? v[p] : void 0;
    return v === void 0 || v === null ? "" : String(v);
  });
  return out.includes("{{") ? void 0 : out;
}
function storageOfValues(core, namespace = "flyte") {
  const s = isObject(core.storage) ? core.storage : {};
  if (s.secretName) return { type: "secret", unknown: `kept in Secret ${String(s.secretName)} (flyte-core.storage.secretName)` };
  const type = str(s.type) ?? DEFAULTS.type;
  const field = (v, what) => {
    if (v === void 0 || v === null || v === "") return void 0;
    const r = resolveTemplate(String(v), core);
    if (r === void 0) throw Object.assign(new Error(what), { templated: String(v) });
    return r;
  };
  try {
    const bucket = field(s.bucketName ?? DEFAULTS.bucketName, "bucketName");
    if (type === "s3") {
      const endpoint = field(isObject(s.s3) ? s.s3.endpoint : void 0, "s3.endpoint");
      return { type: "s3", ...bucket ? { container: bucket } : {}, ...endpoint ? { endpoint } : {} };
    }
    if (type === "gcs") return { type: "stow/google", ...bucket ? { container: bucket } : {} };
    if (type === "sandbox") return { type: "minio", ...bucket ? { container: bucket } : {}, endpoint: `http://minio.${namespace}.svc.cluster.local:9000` };
    if (type === "custom") return ofStorageSection(isObject(s.custom) ? s.custom : {}, (v, w) => field(v, w));
    return { type, unknown: `flyte-core.storage.type ${JSON.stringify(type)} is not one flyte-core knows (s3, gcs, sandbox, custom)` };
  } catch (e) {
    const t = e.templated;
    if (t === void 0) throw e;
    return { type, unknown: `flyte-core.storage.${e.message} is the template ${JSON.stringify(t)}` };
  }
}
function ofStorageSection(s, field = (v) => str(v)) {
  const stow = isObject(s.stow) ? s.stow : {};
  const conn = isObject(s.connection) ? s.connection : {};
  const stowConfig = isObject(stow.config) ? stow.config : {};
  const type = str(s.type) ?? "";
  const container = field(s.container, "custom.container");
  const endpoint = field(conn.endpoint ?? stowConfig.endpoint, "custom endpoint");
  return { type: type === "stow" ? `stow/${str(stow.kind) ?? "?"}` : type, ...container ? { container } : {}, ...endpoint ? { endpoint } : {} };
}
function storageOfConfig(text, where = "storage.yaml") {
  const v = parseUntrusted(text, where, STREAM_INPUT);
  const s = isObject(v) && isObject(v.storage) ? v.storage : void 0;
  if (!s) return { type: "?", unknown: "storage.yaml has no `storage:` section" };
  return ofStorageSection(s);
}
function storageDifferences(a, b) {
  if (a.unknown || b.unknown) return [];
  const out = [];
  if (a.type !== b.type) out.push(`type ${a.type} vs ${b.type}`);
  if ((a.container ?? "") !== (b.container ?? "")) out.push(`bucket/container ${JSON.stringify(a.container ?? "")} vs ${JSON.stringify(b.container ?? "")}`);
  if ((a.endpoint ?? "") !== (b.endpoint ?? "")) out.push(`endpoint ${JSON.stringify(a.endpoint ?? "")} vs ${JSON.stringify(b.endpoint ?? "")}`);
  return out;
}
var describeStorage = (s) => s.unknown ? `(${s.unknown})` : `${s.type}${s.container ? ` ${s.container}` : ""}${s.endpoint ? ` at ${s.endpoint}` : ""}`;

export {
  storageOfValues,
  storageOfConfig,
  storageDifferences,
  describeStorage
};
