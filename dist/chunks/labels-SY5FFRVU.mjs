#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  AdminError,
  adminProblem,
  failWith
} from "./chunk-UXMUXMQE.mjs";
import {
  table
} from "./chunk-EL45TENR.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/flyteadmin/labels.ts
var key = (t) => [t.project, t.domain, t.workflow ?? ""].join("/");
var target = (t) => ({ project: t.project, domain: t.domain, ...t.workflow ? { workflow: t.workflow } : {} });
var describeTarget = (t) => t.domain ? `${t.project}/${t.domain}${t.workflow ? `/${t.workflow}` : ""}` : `${t.project} (whole project)`;
function planLabels(desired, current, applied, prune) {
  const have = new Map(current.map((a) => [key(a), a]));
  const want = new Set(desired.map(key));
  const ours = new Set(applied.map(key));
  const out = [];
  for (const d of desired) {
    const c = have.get(key(d));
    if (!c) out.push({ action: "add", target: target(d), to: d.label });
    else if (c.label !== d.label) out.push({ action: "change", target: target(d), from: c.label, to: d.label });
    else out.push({ action: "unchanged", target: target(d), from: c.label, to: d.label });
  }
  for (const c of current) {
    if (want.has(key(c))) continue;
    const mine = ours.has(key(c));
    if (prune === "all" || prune === "applied" && mine)
      out.push({
        action: "remove",
        target: target(c),
        from: c.label,
        note: mine ? "applied by flytemc, no longer in the values" : "not in the values (--prune-all)"
      });
    else
      out.push({
        action: "keep",
        target: target(c),
        from: c.label,
        note: mine ? "applied by flytemc, no longer in the values: --prune removes it" : "not set by flytemc: kept (--prune-all removes it)"
      });
  }
  return out.sort((a, b) => key(a.target) < key(b.target) ? -1 : key(a.target) > key(b.target) ? 1 : 0);
}
var drifts = (changes) => changes.some((c) => c.action === "add" || c.action === "change" || c.action === "remove");
var coded = (at, code) => typeof at === "string" ? { code, subject: at } : { ...at, code };
async function unknownProjects(admin, desired, at) {
  const projects = await admin.projects();
  const byId = new Map(projects.map((p) => [p.id, new Set(p.domains.map((d) => d.id))]));
  const problems = [];
  desired.forEach((d, i) => {
    const domains = byId.get(d.project);
    if (!domains)
      problems.push(
        error(
          coded(at(i), "labels.unknown-project"),
          `FlyteAdmin ${admin.url} has no project ${JSON.stringify(d.project)} (it has ${[...byId.keys()].join(", ") || "none"}), so it would refuse this label`,
          `fix the project, or create it first: flytectl create project --id ${d.project} --name ${d.project}`
        )
      );
    else if (!domains.has(d.domain))
      problems.push(
        error(
          coded(at(i), "labels.unknown-domain"),
          `project ${d.project} has no domain ${JSON.stringify(d.domain)} in FlyteAdmin ${admin.url}`,
          `use one of: ${[...domains].join(", ")}`
        )
      );
  });
  return problems;
}
async function applyLabels(admin, record, changes, rerun) {
  const { targets: before, version } = await record.read();
  const done = [];
  let failure;
  try {
    for (const c of changes.filter((x) => x.action === "add" || x.action === "change")) {
      await admin.setExecutionLabel({ ...c.target, label: c.to });
      done.push(c);
    }
    for (const c of changes.filter((x) => x.action === "remove")) {
      await admin.deleteExecutionLabel(c.target);
      done.push(c);
    }
  } catch (e) {
    if (!(e instanceof AdminError)) throw e;
    failure = adminProblem(e, `FlyteAdmin ${admin.url}`);
  }
  const doneKeys = new Set(done.map((c) => key(c.target)));
  const held = changes.filter((c) => c.action === "add" ? doneKeys.has(key(c.target)) : !(c.action === "remove" && doneKeys.has(key(c.target))));
  const wanted = new Set(changes.filter((c) => c.action === "add" || c.action === "change" || c.action === "unchanged").map((c) => key(c.target)));
  const previously = new Set(before.map(key));
  const next = /* @__PURE__ */ new Map();
  for (const c of held) if (wanted.has(key(c.target)) || previously.has(key(c.target))) next.set(key(c.target), c.target);
  const targets = [...next.values()].sort((a, b) => key(a) < key(b) ? -1 : 1);
  const same = targets.length === before.length && targets.every((t) => previously.has(key(t)));
  let recordFailure;
  if (!same || version === void 0)
    await record.write(targets, version).catch((e) => {
      recordFailure = e;
    });
  const landed = done.length ? `applied: ${done.map((c) => `${c.action} ${describeTarget(c.target)}`).join(", ")}` : "nothing was applied";
  if (failure) {
    throw new FlytemcError(
      [
        {
          ...failure,
          message: `${failure.message}; ${landed}${recordFailure ? "" : ` (recorded in ${record.where})`}`,
          fix: `${failure.fix}; then rerun: ${rerun}`
        }
      ],
      EXIT.failed
    );
  }
  if (recordFailure) {
    const p = recordFailure instanceof FlytemcError ? recordFailure.problems[0] : void 0;
    throw new FlytemcError(
      [
        error(
          { code: "labels.record", subject: record.where },
          `${landed} in FlyteAdmin, but the record of what flytemc applied was not written${p ? ` (${p.message})` : ""}: a later --prune would not know these attributes are flytemc's`,
          `rerun: ${rerun} (it changes nothing in FlyteAdmin and writes the record)`
        )
      ],
      EXIT.failed
    );
  }
  return { done };
}
function summarize(changes) {
  const n = (a) => changes.filter((c) => c.action === a).length;
  return `${n("add")} to add, ${n("change")} to change, ${n("remove")} to remove, ${n("unchanged")} unchanged, ${n("keep")} kept`;
}
function formatChanges(changes, admin, files) {
  const shown = (t) => [t.project, t.domain || "(all)", t.workflow ?? ""];
  const rows = changes.map((c) => [c.action, ...shown(c.target), c.from ?? "-", c.to ?? "-", c.note ?? ""]);
  return `execution cluster labels: FlyteAdmin ${admin} against multicluster.executionLabels of ${files.join(", ")}
${table(["ACTION", "PROJECT", "DOMAIN", "WORKFLOW", "FLYTEADMIN", "VALUES", "NOTE"], rows, "  ")}${summarize(changes)}
`;
}
async function labelPlan(admin, record, desired, at, prune) {
  const where = `FlyteAdmin ${admin.url}`;
  const unknown = await unknownProjects(admin, desired, at).catch((e) => failWith(e, where));
  if (unknown.length) throw new FlytemcError(unknown);
  const [current, applied] = await Promise.all([admin.executionLabels().catch((e) => failWith(e, where)), record.read()]);
  return planLabels(desired, current, applied.targets, prune);
}
function driftError(changes, admin, files, rerun) {
  return new FlytemcError(
    [
      error(
        { code: "labels.drift", subject: `FlyteAdmin ${admin}` },
        `its execution cluster labels differ from ${files.join(", ")} (${summarize(changes)})`,
        `apply the values: ${rerun}`
      )
    ],
    EXIT.failed
  );
}
export {
  applyLabels,
  driftError,
  drifts,
  formatChanges,
  labelPlan,
  planLabels,
  summarize,
  unknownProjects
};
