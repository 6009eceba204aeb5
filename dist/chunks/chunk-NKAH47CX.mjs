#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  readConfigMap
} from "./chunk-TWYTLRT5.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  STREAM_INPUT
} from "./chunk-QVD5WBXB.mjs";

// plugin/cluster/check-list.ts
async function clustersFromFile(path, text) {
  const { configFromValues } = await import("./from-values-BPTGA7NE.mjs");
  const found = configFromValues(path, text);
  const raw = isObject(found.raw) ? found.raw : {};
  const configs = (cl) => isObject(cl) && Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : [];
  if (found.form !== "multicluster") return { source: path, clusters: configs(raw) };
  const cred = isObject(raw.credentials) ? raw.credentials : {};
  return { source: path, clusters: configs(raw.clusters), ...typeof cred.secretName === "string" ? { secretName: cred.secretName } : {} };
}
async function clustersDeployed(hub, ns) {
  const text = (await readConfigMap(hub, ns, "flyte-admin-clusters-config"))?.["clusters.yaml"];
  if (!text) return void 0;
  const v = parseUntrusted(text, `hub ConfigMap ${ns}/flyte-admin-clusters-config clusters.yaml`, STREAM_INPUT);
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}
var recordsSource = (ns, secretName) => `what flytemc join recorded on Secret ${ns}/${secretName}`;
var fromRecord = (name, r) => ({
  name,
  endpoint: r.endpoint,
  enabled: true,
  ...r.auth ? { credentialProxy: { exec: { command: "(see the values file)" } } } : {}
});
function everyCluster(list, deployed, records) {
  const all = [...list.clusters];
  for (const c of deployed?.clusters ?? []) if (!all.some((x) => x.name === c.name)) all.push(c);
  for (const [name, r] of Object.entries(records)) if (!all.some((x) => x.name === name)) all.push(fromRecord(name, r));
  return all;
}

export {
  clustersFromFile,
  clustersDeployed,
  recordsSource,
  fromRecord,
  everyCluster
};
