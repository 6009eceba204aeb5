#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  labelPinning,
  pinLabel
} from "./chunk-XSHMAYF4.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  FlytemcError,
  UsageError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/flyteadmin/smoke-targets.ts
function smokeTargets(routes, source, only = []) {
  const all = routes.clusters.filter((c) => c.enabled).map((c) => c.name);
  if (all.length === 0)
    throw new FlytemcError([
      error(
        { code: "admin.no-enabled-cluster", subject: source },
        "lists no enabled cluster",
        "join one: flytemc join CONTEXT --values my-values.yaml, then upgrade the control plane"
      )
    ]);
  const unknown = only.filter((c) => !all.includes(c));
  if (unknown.length) throw new UsageError(`--cluster ${unknown.join(", ")}: not an enabled cluster of ${source}`, `use one of: ${all.join(", ")}`);
  const enabled = only.length ? all.filter((c) => only.includes(c)) : all;
  const unpinned = enabled.filter((c) => !labelPinning(routes, c));
  if (unpinned.length)
    throw new FlytemcError(
      unpinned.map(
        (c) => error(
          { code: "admin.unpinned", subject: source },
          `no execution cluster label sends work to ${c} alone, so smoke cannot pin an execution there`,
          `add it to the control plane's values and upgrade: flytemc join ${c} --values my-values.yaml (join adds ${pinLabel(c)}), or labelClusterMap: {${pinLabel(c)}: [{id: ${c}, weight: 1}]}`
        )
      )
    );
  return enabled.map((name) => ({ name, label: labelPinning(routes, name) }));
}
export {
  smokeTargets
};
