#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  MANAGED_BY,
  RECORDS_ANNOTATION,
  masked,
  parseRecords,
  refuseDuplicate,
  sortRecords
} from "./chunk-QSV3TKLW.mjs";
import "./chunk-OQZ3CAJU.mjs";
import {
  writeFileAtomic
} from "./chunk-5ZFOMKZB.mjs";
import "./chunk-HSI6TMYY.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-RANSKRVF.mjs";
import {
  isObject
} from "./chunk-G2ASVLUG.mjs";
import {
  dumpYaml,
  isYamlError,
  parseYaml
} from "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-V7OV2FKF.mjs";
import {
  EXIT,
  readText
} from "./chunk-IVTEQ3JB.mjs";
import {
  FlytemcError,
  error
} from "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/secret-file.ts
import { chmodSync, existsSync } from "node:fs";
var HEADER = (ns, name) => `# Secret ${ns}/${name}: the data planes' tokens and CAs for FlyteAdmin, written by \`flytemc join --secret-out\`.
# It holds live credentials: seal it (kubeseal) or encrypt it (sops) before it goes to git, and keep
# this file out of git. Apply it as is with: kubectl apply --server-side -f FILE
`;
function readSecretFile(path, ns, name) {
  if (!existsSync(path)) return void 0;
  const text = readText(path);
  let v;
  try {
    v = parseYaml(text, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError([error(path, `is not a Secret manifest (invalid YAML: ${e.reason})`, "pass another --secret-out FILE, or remove it")], EXIT.usage);
  }
  if (isObject(v) && isObject(v.sops)) throw new FlytemcError([error(path, "is encrypted by SOPS: its values cannot be merged", `decrypt it first (sops -d ${path} > plain.yaml) and merge into that, then encrypt again`)], EXIT.usage);
  if (!isObject(v) || v.kind !== "Secret" || v.apiVersion !== "v1") {
    const kind = isObject(v) && typeof v.kind === "string" ? ` (a ${v.kind})` : "";
    throw new FlytemcError([error(path, `is not a v1 Secret manifest${kind}: join cannot merge into it`, kind.includes("SealedSecret") ? "a SealedSecret cannot be read back: keep the plain Secret file (outside git) and seal it again after each join" : "pass another --secret-out FILE")], EXIT.usage);
  }
  const meta = isObject(v.metadata) ? v.metadata : {};
  if (meta.name !== name || (meta.namespace ?? ns) !== ns) {
    throw new FlytemcError([error(path, `holds Secret ${String(meta.namespace ?? "?")}/${String(meta.name ?? "?")}, not ${ns}/${name}`, `pass -n ${String(meta.namespace)} and the matching --values, or another --secret-out FILE`)], EXIT.usage);
  }
  const data = {};
  for (const [k, val] of Object.entries(isObject(v.data) ? v.data : {})) data[k] = Buffer.from(String(val), "base64").toString("utf8");
  for (const [k, val] of Object.entries(isObject(v.stringData) ? v.stringData : {})) data[k] = String(val);
  return { data, records: parseRecords({ metadata: { annotations: isObject(meta.annotations) ? meta.annotations : {} } }), text };
}
function manifest(ns, name, data, records) {
  const body = {
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: { name, namespace: ns, labels: { [MANAGED_BY]: "flytemc" }, annotations: { [RECORDS_ANNOTATION]: JSON.stringify(sortRecords(records)) } },
    data: Object.fromEntries(Object.keys(data).sort().map((k) => [k, Buffer.from(data[k], "utf8").toString("base64")]))
  };
  return HEADER(ns, name) + dumpYaml(body);
}
function secretFile(path, ns, name, merge, joining) {
  const cur = readSecretFile(path, ns, name);
  if (cur && !merge) {
    const mine = new Set(joining.flatMap((n) => [tokenKey(n), caKey(n)]));
    const others = Object.keys(cur.data).filter((k) => !mine.has(k));
    if (others.length) {
      throw new FlytemcError([error(path, `already holds ${others.sort().join(", ")} of other clusters, which writing it anew would drop`, "add --merge to keep them, or pass another --secret-out FILE")], EXIT.usage);
    }
  }
  const data = merge && cur ? { ...cur.data } : {};
  const records = merge && cur ? { ...cur.records } : {};
  const object = `Secret ${ns}/${name}`;
  return {
    where: `file ${path} (${object})`,
    target: path,
    short: path,
    async read() {
      return { exists: !!cur, records };
    },
    async upsert(j, _plan, context) {
      refuseDuplicate(records, j.name, j.record.uid, context, `file ${path}`);
      const changed = data[tokenKey(j.name)] !== j.token || data[caKey(j.name)] !== j.caPem || JSON.stringify(records[j.name]) !== JSON.stringify(j.record);
      data[tokenKey(j.name)] = j.token;
      data[caKey(j.name)] = j.caPem;
      records[j.name] = j.record;
      return changed;
    },
    flush(plan) {
      const text = manifest(ns, name, data, records);
      const action = !cur ? "create" : cur.text === text ? "unchanged" : "update";
      const before = cur ? masked(cur.data, cur.records) : "";
      plan.record({ target: path, object, action, note: `mode 0600, ${Object.keys(records).length} cluster${Object.keys(records).length === 1 ? "" : "s"}; seal or encrypt it before it goes to git`, before, after: masked(data, records) });
      if (plan.dryRun) return;
      if (action !== "unchanged") writeFileAtomic(path, text, 384);
      else chmodSync(path, 384);
    }
  };
}
export {
  secretFile
};
