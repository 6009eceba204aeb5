#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  storageOfConfig
} from "./chunk-Q6QQLQ23.mjs";
import {
  ADMIN_GRPC_ROUTE,
  CATALOG_GRPC_ROUTES
} from "./chunk-EMYUWFA7.mjs";
import {
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";

// plugin/cluster/check-hub-reads.ts
async function readConfigMap(k, ns, name) {
  const cm = await readOrAbsent(k, `reading ConfigMap ${ns}/${name}`, () => k.core.readNamespacedConfigMap({ name, namespace: ns }));
  return cm ? cm.data ?? {} : void 0;
}
async function templatesDeployed(hub, ns) {
  const data = await readConfigMap(hub, ns, "clusterresource-template");
  return data ? Object.entries(data).map(([k, value]) => ({ key: k.replace(/\.yaml$/, ""), value })) : void 0;
}
async function hubStorage(hub, ns) {
  const data = await readConfigMap(hub, ns, "flyte-admin-base-config");
  const text = data?.["storage.yaml"];
  return text ? storageOfConfig(text, `hub ConfigMap ${ns}/flyte-admin-base-config storage.yaml`) : void 0;
}
async function hubGrpcRoutes(hub, ns) {
  const list = await hub.call(`listing Ingresses in ${ns}`, () => hub.networking.listNamespacedIngress({ namespace: ns }));
  const out = { admin: [], catalog: false };
  for (const ing of list.items) {
    for (const rule of ing.spec?.rules ?? []) {
      const paths = (rule.http?.paths ?? []).map((p) => p.path);
      if (!paths.includes(ADMIN_GRPC_ROUTE)) continue;
      out.admin.push(`Ingress ${ns}/${ing.metadata?.name}`);
      if (CATALOG_GRPC_ROUTES.some((r) => paths.includes(r))) out.catalog = true;
    }
  }
  return { admin: [...new Set(out.admin)], catalog: out.catalog };
}
async function hubElsewhere(hub, ns, secretName) {
  const found = /* @__PURE__ */ new Set();
  const look = async (list) => {
    try {
      for (const o of (await hub.call("looking in every namespace", list)).items)
        if (o.metadata?.namespace && o.metadata.namespace !== ns) found.add(o.metadata.namespace);
    } catch {
    }
  };
  await look(() => hub.core.listConfigMapForAllNamespaces({ fieldSelector: "metadata.name=flyte-admin-clusters-config" }));
  await look(() => hub.core.listSecretForAllNamespaces({ fieldSelector: `metadata.name=${secretName}` }));
  return [...found].sort();
}

export {
  readConfigMap,
  templatesDeployed,
  hubStorage,
  hubGrpcRoutes,
  hubElsewhere
};
