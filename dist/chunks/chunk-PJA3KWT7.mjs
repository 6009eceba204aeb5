#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  templatesDeployed
} from "./chunk-TWYTLRT5.mjs";
import {
  FLYTE_CORE_TEMPLATES,
  neededAccess,
  templatesOfValues
} from "./chunk-LPW2GZIF.mjs";

// plugin/cluster/check-needs.ts
async function needsFor(hub, ns, valuesFile) {
  if (valuesFile) {
    const { readValuesFileIfPresent } = await import("./from-values-BPTGA7NE.mjs");
    const t = templatesOfValues(readValuesFileIfPresent(valuesFile));
    if (t) return { needs: neededAccess(t).needs, from: `the cluster-resource templates of ${valuesFile}` };
  }
  const deployed = hub ? await templatesDeployed(hub, ns) : void 0;
  if (deployed) return { needs: neededAccess(deployed).needs, from: `the hub's ConfigMap ${ns}/clusterresource-template` };
  return { needs: neededAccess(FLYTE_CORE_TEMPLATES).needs, from: "flyte-core's default cluster-resource templates" };
}

export {
  needsFor
};
