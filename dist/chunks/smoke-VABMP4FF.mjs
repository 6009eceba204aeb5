#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  AdminError,
  TERMINAL_PHASES,
  adminProblem,
  failWith,
  stringLiterals
} from "./chunk-UXMUXMQE.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/flyteadmin/smoke.ts
import { createHash, randomBytes } from "node:crypto";
var STRING = { type: { simple: "STRING" } };
var TASK = "flytemc.smoke.echo";
var CACHED_TASK = "flytemc.smoke.cached_echo";
var SMOKE_WORKFLOW = "flytemc.smoke.echo_wf";
var CACHED_WORKFLOW = "flytemc.smoke.cached_echo_wf";
function taskTemplate(cached) {
  return {
    type: "echo",
    metadata: {
      runtime: { type: "OTHER", version: "1", flavor: "flytemc" },
      ...cached ? { discoverable: true, discovery_version: "1" } : {}
    },
    interface: { inputs: { variables: { x: STRING } }, outputs: { variables: { x: STRING } } }
  };
}
function workflowTemplate(task) {
  return {
    metadata: {},
    interface: { inputs: { variables: { x: STRING } }, outputs: { variables: { o: STRING } } },
    nodes: [
      {
        id: "n0",
        metadata: { name: "echo" },
        inputs: [{ var: "x", binding: { promise: { node_id: "start-node", var: "x" } } }],
        task_node: { reference_id: task }
      }
    ],
    outputs: [{ var: "o", binding: { promise: { node_id: "n0", var: "x" } } }]
  };
}
function smokeVersion() {
  const content = JSON.stringify([taskTemplate(false), taskTemplate(true), workflowTemplate({ project: "", domain: "", name: "" })]);
  return `fmc-${createHash("sha256").update(content).digest("hex").slice(0, 12)}`;
}
async function register(admin, o, version, report) {
  const id = (resource_type, name) => ({ resource_type, project: o.project, domain: o.domain, name, version });
  const out = {};
  for (const [key, taskName, wfName] of [
    ["plain", TASK, SMOKE_WORKFLOW],
    ["cached", CACHED_TASK, CACHED_WORKFLOW]
  ]) {
    if (key === "cached" && !o.catalog) continue;
    const task = id("TASK", taskName);
    const wf = id("WORKFLOW", wfName);
    const lp = id("LAUNCH_PLAN", wfName);
    const steps = [
      ["task", "tasks", task, { template: { id: task, ...taskTemplate(key === "cached") } }],
      ["workflow", "workflows", wf, { template: { id: wf, ...workflowTemplate(task) } }],
      ["launch plan", "launch_plans", lp, { workflow_id: wf, default_inputs: { parameters: { x: { var: STRING, required: true } } } }]
    ];
    for (const [kind, route, ident, spec] of steps) {
      const result = await admin.register(route, { id: ident, spec });
      report.registered.push({ kind, name: ident.name, result });
    }
    out[key] = lp;
  }
  return out;
}
var executionName = () => `fmc${randomBytes(6).toString("hex").slice(0, 11)}`;
function classify(l, ex, expectCluster, now) {
  const { row } = l;
  row.phase = ex.closure.phase;
  row.placedOn = ex.spec.metadata?.system_metadata?.execution_cluster ?? "";
  row.seconds = Math.round((now - l.started) / 100) / 10;
  const err = ex.closure.error?.message;
  if (row.phase === "SUCCEEDED") row.stage = "succeeded";
  else if (TERMINAL_PHASES.has(row.phase)) row.stage = row.placedOn ? "failed" : "not placed";
  else if (!row.placedOn) row.stage = "not placed";
  else row.stage = ex.closure.started_at || row.phase === "RUNNING" || row.phase === "SUCCEEDING" ? "running" : "placed but never started";
  if (err) row.detail = err;
  if (row.placedOn && row.placedOn !== expectCluster) {
    row.stage = "wrong cluster";
    row.detail = `label ${row.label} sent it to ${row.placedOn}, not ${expectCluster}`;
  }
  l.done = TERMINAL_PHASES.has(row.phase) || row.stage === "wrong cluster";
}
async function launch(admin, o, lp, c, task, x) {
  const name = executionName();
  const row = { cluster: c.name, label: c.label, task, execution: name, phase: "UNDEFINED", placedOn: "", seconds: 0, stage: "not placed" };
  const id = await admin.createExecution({
    project: o.project,
    domain: o.domain,
    name,
    spec: { launch_plan: lp, metadata: { mode: "MANUAL" }, execution_cluster_label: { value: c.label } },
    inputs: stringLiterals({ x })
  });
  return { row, id, started: Date.now(), done: false };
}
async function follow(admin, runs, deadline, o, until = () => false) {
  for (; ; ) {
    await Promise.all(
      runs.filter((r) => !r.done).map(async (r) => {
        const ex = await admin.getExecution(r.id);
        classify(r, ex, r.row.cluster, Date.now());
      })
    );
    const left = runs.filter((r) => !r.done);
    o.progress?.(`${runs.length - left.length} of ${runs.length} executions ended; waiting for ${left.map((r) => r.row.cluster).join(", ") || "none"}`);
    if (left.length === 0 || until() || Date.now() >= deadline) return;
    await new Promise((res) => setTimeout(res, o.pollMs ?? 1e3));
  }
}
async function cacheStatus(admin, id) {
  const nodes = await admin.nodeExecutions(id);
  return nodes.find((n) => n.id.node_id === "n0")?.closure.task_node_metadata?.cache_status ?? "CACHE_DISABLED";
}
async function preflight(admin, o) {
  const projects = await admin.projects().catch((e) => {
    if (e instanceof AdminError && e.failure === "not-found")
      throw new AdminError("unreachable", `no FlyteAdmin API at ${admin.url}: GET /api/v1/projects answered 404`, e.status);
    throw e;
  });
  const p = projects.find((x) => x.id === o.project);
  if (!p)
    throw new FlytemcError([
      error(
        { code: "admin.unknown-project", subject: `FlyteAdmin ${admin.url}` },
        `project ${JSON.stringify(o.project)} does not exist (FlyteAdmin has ${projects.map((x) => x.id).join(", ") || "none"})`,
        `pass --project with one of them, or create it: flytectl create project --id ${o.project} --name ${o.project}`
      )
    ]);
  if (!p.domains.some((d) => d.id === o.domain))
    throw new FlytemcError([
      error(
        { code: "admin.unknown-domain", subject: `FlyteAdmin ${admin.url}` },
        `project ${o.project} has no domain ${JSON.stringify(o.domain)}`,
        `pass --domain with one of: ${p.domains.map((d) => d.id).join(", ")}`
      )
    ]);
}
async function smoke(admin, clusters, o) {
  const version = smokeVersion();
  const report = { admin: admin.url, project: o.project, domain: o.domain, version, registered: [], rows: [], ok: false };
  const where = `FlyteAdmin ${admin.url}`;
  try {
    await preflight(admin, o);
    const lps = await register(admin, o, version, report);
    const deadline = Date.now() + o.timeoutMs;
    const runs = await Promise.all(clusters.map((c) => launch(admin, o, lps.plain, c, "echo", `flytemc smoke ${c.name}`)));
    if (o.catalog && clusters.length > 0) {
      const x = `flytemc cache ${randomBytes(8).toString("hex")}`;
      const [first, ...others] = clusters;
      const populate = await launch(admin, o, lps.cached, first, "cached echo", x);
      populate.row.expectedCache = "CACHE_POPULATED";
      runs.push(populate);
      await follow(admin, runs, deadline, o, () => populate.done);
      for (const c of others) {
        if (populate.row.stage === "succeeded") {
          const hit = await launch(admin, o, lps.cached, c, "cached echo", x);
          hit.row.expectedCache = "CACHE_HIT";
          runs.push(hit);
        } else {
          const row = {
            cluster: c.name,
            label: c.label,
            task: "cached echo",
            execution: "-",
            phase: "-",
            placedOn: "",
            seconds: 0,
            stage: "not placed"
          };
          row.detail = `not launched: the cache was not populated on ${first.name}`;
          runs.push({ row, id: { project: o.project, domain: o.domain, name: "-" }, started: Date.now(), done: true });
        }
      }
    }
    await follow(admin, runs, deadline, o);
    for (const r of runs) {
      if (!r.row.expectedCache || r.row.stage !== "succeeded") continue;
      r.row.cacheStatus = await cacheStatus(admin, r.id);
      if (r.row.cacheStatus !== r.row.expectedCache) {
        r.row.stage = "cache miss";
        r.row.detail = `the cached task reported ${r.row.cacheStatus}, expected ${r.row.expectedCache}`;
      }
    }
    report.rows = runs.map((r) => r.row);
    report.ok = report.rows.length > 0 && report.rows.every((r) => r.stage === "succeeded");
    return report;
  } catch (e) {
    if (e instanceof AdminError) throw new FlytemcError([adminProblem(e, where)], EXIT.failed);
    failWith(e, where);
  }
}
export {
  SMOKE_WORKFLOW,
  smoke,
  smokeVersion
};
