#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  hubContextOf
} from "./chunk-CILGWXCN.mjs";
import {
  connect,
  loadKubeConfig,
  readOrAbsent
} from "./chunk-YZNNZQSV.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-3T6WTJRQ.mjs";
import "./chunk-62GU7USA.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import {
  parseUntrusted
} from "./chunk-7WIHMZLF.mjs";
import {
  STREAM_INPUT
} from "./chunk-WC3NI36A.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/deployed.ts
var CLUSTERS_CONFIGMAP = "flyte-admin-clusters-config";
async function deployedClusters(o) {
  const kc = await loadKubeConfig(o.kube);
  const hub = hubContextOf(o.kubeContext, () => kc.getCurrentContext(), false);
  const k = await connect(hub, o.kube);
  const source = `hub ConfigMap ${o.namespace}/${CLUSTERS_CONFIGMAP}`;
  const cm = await readOrAbsent(
    k,
    `reading ConfigMap ${o.namespace}/${CLUSTERS_CONFIGMAP}`,
    () => k.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace: o.namespace })
  );
  const text = cm?.data?.["clusters.yaml"];
  if (!text)
    throw new FlytemcError(
      [
        error(
          `context ${hub}`,
          `namespace ${o.namespace} has no FlyteAdmin multi-cluster config (${cm ? `${CLUSTERS_CONFIGMAP} has no clusters.yaml` : `no ConfigMap ${CLUSTERS_CONFIGMAP}`})`,
          "pass the control plane's namespace with -n, or install the control plane first: helm flytemc install control-plane -f shared-values.yaml -f my-values.yaml"
        )
      ],
      EXIT.failed
    );
  const doc = parseUntrusted(text, `${source} clusters.yaml`, STREAM_INPUT);
  return { hub, source, clusters: doc?.clusters ?? {} };
}
export {
  deployedClusters
};
