#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  isConflict,
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  STREAM_INPUT
} from "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
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

// plugin/cluster/label-record.ts
var NAME = "flytemc-execution-labels";
var KEY = "applied.yaml";
var HEADER = `# The execution cluster label attributes \`flytemc labels apply\` set in FlyteAdmin (project, domain,
# workflow). FlyteAdmin records no owner for an attribute, so \`labels apply --prune\` removes only
# these (\`--prune-all\`: every attribute the values do not list). Written by flytemc; do not edit.
`;
function labelRecord(hub, ns, dryRun) {
  const where = `hub ${hub.context} ConfigMap ${ns}/${NAME}`;
  return {
    where,
    async read() {
      const cm = await readOrAbsent(hub, `reading ConfigMap ${ns}/${NAME}`, () => hub.core.readNamespacedConfigMap({ name: NAME, namespace: ns }));
      if (!cm) return { targets: [] };
      const v = parseUntrusted(cm.data?.[KEY] ?? "[]", `${where} ${KEY}`, STREAM_INPUT);
      const targets = (Array.isArray(v) ? v : []).filter((t) => isObject(t) && typeof t.project === "string" && typeof t.domain === "string").map((t) => ({ project: t.project, domain: t.domain, ...typeof t.workflow === "string" ? { workflow: t.workflow } : {} }));
      return { targets, ...cm.metadata?.resourceVersion ? { version: cm.metadata.resourceVersion } : {} };
    },
    async write(targets, version) {
      if (dryRun) return;
      const body = {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: NAME,
          namespace: ns,
          labels: { "app.kubernetes.io/managed-by": "flytemc" },
          ...version ? { resourceVersion: version } : {}
        },
        data: { [KEY]: HEADER + dumpYaml(targets) }
      };
      const conflict = await hub.call(`writing ConfigMap ${ns}/${NAME}`, async () => {
        try {
          if (version) await hub.core.replaceNamespacedConfigMap({ name: NAME, namespace: ns, body });
          else await hub.core.createNamespacedConfigMap({ namespace: ns, body });
          return false;
        } catch (e) {
          if (isConflict(e)) return true;
          throw e;
        }
      });
      if (conflict)
        throw new FlytemcError(
          [
            error(
              { subject: where, code: "labels.conflict" },
              "another `labels apply` changed the record while this one ran",
              "rerun the command: it starts from what FlyteAdmin and the record hold now"
            )
          ],
          EXIT.failed
        );
    }
  };
}
export {
  labelRecord
};
