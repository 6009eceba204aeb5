#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  rolloutState
} from "./chunk-QRMUNPSA.mjs";
import {
  hubContextOf
} from "./chunk-I6QFSPIF.mjs";
import {
  connect,
  loadKubeConfig,
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  STREAM_INPUT
} from "./chunk-QVD5WBXB.mjs";
import {
  isYamlError
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/deployed.ts
var CLUSTERS_CONFIGMAP = "flyte-admin-clusters-config";
async function connectHub(o) {
  const kc = await loadKubeConfig(o.kube);
  return connect(
    hubContextOf(o.kubeContext, () => kc.getCurrentContext(), false),
    o.kube
  );
}
async function readDeployedClusters(k, namespace) {
  const source = `hub ConfigMap ${namespace}/${CLUSTERS_CONFIGMAP}`;
  const cm = await readOrAbsent(
    k,
    `reading ConfigMap ${namespace}/${CLUSTERS_CONFIGMAP}`,
    () => k.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace })
  );
  const text = cm?.data?.["clusters.yaml"];
  if (!text)
    throw new FlytemcError(
      [
        error(
          { subject: noted(`context ${k.context}`, k.tlsVerified !== false), code: "cluster.not-deployed" },
          `namespace ${namespace} has no FlyteAdmin multi-cluster config (${cm ? `${CLUSTERS_CONFIGMAP} has no clusters.yaml` : `no ConfigMap ${CLUSTERS_CONFIGMAP}`})`,
          "pass the control plane's namespace with -n, or install the control plane first: helm flytemc install control-plane -f shared-values.yaml -f my-values.yaml"
        )
      ],
      EXIT.failed
    );
  const doc = parseUntrusted(text, `${source} clusters.yaml`, STREAM_INPUT);
  return { hub: k.context, source, clusters: doc?.clusters ?? {} };
}
async function deployedClusters(o) {
  return readDeployedClusters(await connectHub(o), o.namespace);
}
async function deployedLists(hub, ns) {
  const all = await hub.call(`listing ConfigMaps in ${ns}`, () => hub.core.listNamespacedConfigMap({ namespace: ns }));
  const lists = [];
  for (const cm of all.items) {
    const text = cm.data?.["clusters.yaml"];
    if (!text) continue;
    let clusters = [];
    try {
      const v = parseUntrusted(text, `hub ConfigMap ${ns}/${cm.metadata?.name} clusters.yaml`, STREAM_INPUT);
      clusters = Array.isArray(v?.clusters?.clusterConfigs) ? v.clusters.clusterConfigs : [];
    } catch (e) {
      if (!isYamlError(e)) throw e;
    }
    const release = cm.metadata?.annotations?.["meta.helm.sh/release-name"];
    lists.push({ name: cm.metadata?.name ?? "?", clusters, ...release ? { release } : {} });
  }
  return lists;
}
function writtenAt(o) {
  const times = (o.metadata?.managedFields ?? []).filter((f) => !f.subresource && f.time).map((f) => new Date(f.time).getTime());
  return times.length ? Math.max(...times) : void 0;
}
async function cordonPending(hub, ns, name) {
  const cm = await readOrAbsent(
    hub,
    `reading ConfigMap ${ns}/${CLUSTERS_CONFIGMAP}`,
    () => hub.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace: ns })
  );
  const text = cm?.data?.["clusters.yaml"];
  if (!cm || !text) return void 0;
  const doc = parseUntrusted(text, `hub ConfigMap ${ns}/${CLUSTERS_CONFIGMAP} clusters.yaml`, STREAM_INPUT);
  const entry = (doc?.clusters?.clusterConfigs ?? []).find((c) => c?.name === name);
  if (entry?.enabled === true)
    return `its deployed config (hub ConfigMap ${ns}/${CLUSTERS_CONFIGMAP}) still has ${name} enabled: upgrade the control plane with the cordoned values`;
  const d = await readOrAbsent(hub, `reading Deployment ${ns}/flyteadmin`, () => hub.apps.readNamespacedDeployment({ name: "flyteadmin", namespace: ns }));
  if (!d) return void 0;
  const [cmAt, dAt] = [writtenAt(cm), writtenAt(d)];
  if (cmAt !== void 0 && dAt !== void 0 && dAt < cmAt) return `Deployment ${ns}/flyteadmin has not been updated since its config changed`;
  const state = rolloutState(d);
  return state.done ? void 0 : `Deployment ${ns}/flyteadmin: ${state.failed ?? state.waiting}`;
}

export {
  connectHub,
  readDeployedClusters,
  deployedClusters,
  deployedLists,
  cordonPending
};
