#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  AdminError,
  TERMINAL_PHASES,
  adminProblem
} from "./chunk-UXMUXMQE.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/flyteadmin/drain.ts
var NOT_ENDED = `value_not_in(phase,${[...TERMINAL_PHASES].join(";")})`;
async function runningOn(admin, cluster) {
  const out = [];
  for (const p of await admin.projects())
    for (const d of p.domains) {
      for (const ex of await admin.executions(p.id, d.id, `${NOT_ENDED}+eq(cluster,${cluster})`)) {
        if ((ex.spec.metadata?.system_metadata?.execution_cluster ?? "") !== cluster || TERMINAL_PHASES.has(ex.closure.phase)) continue;
        out.push({
          project: ex.id.project,
          domain: ex.id.domain,
          name: ex.id.name,
          phase: ex.closure.phase,
          ...ex.closure.created_at ? { createdAt: ex.closure.created_at } : {}
        });
      }
    }
  return out;
}
function age(iso, now) {
  if (!iso) return "-";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1e3));
  if (Number.isNaN(s)) return "-";
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
var describeExecution = (e, now) => `${e.project}/${e.domain}/${e.name} (${e.phase}, ${age(e.createdAt, now)})`;
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function reach(admin) {
  try {
    await admin.projects();
  } catch (e) {
    if (!(e instanceof AdminError)) throw e;
    const p = adminProblem(e, `FlyteAdmin ${admin.url}`);
    throw new FlytemcError([{ ...p, message: `${p.message}; the drain changed nothing` }], EXIT.failed);
  }
}
function stoppedAfterCordon(e, admin, o) {
  const where = `FlyteAdmin ${admin.url}`;
  const p = adminProblem(e, where);
  return new FlytemcError(
    [
      error(
        { code: p.code, subject: where },
        `${p.message}, so the drain of ${o.cluster} stopped; ${o.cordonNote()}: FlyteAdmin sends it no new execution, and what runs there keeps running`,
        `${p.fix}; if you reach FlyteAdmin through kubectl port-forward, a restart of its pod ends the forward: start it again. Then resume: ${o.resume} (or undo the cordon: ${o.undo})`
      )
    ],
    EXIT.failed
  );
}
async function waitForCordon(steps, o, deadline, now) {
  for (; ; ) {
    const why = await steps.pending();
    if (!why || now() >= deadline) return why;
    o.progress?.(`${o.cluster}: waiting until FlyteAdmin runs with the cordon: ${why}`);
    await sleep(Math.min(o.pollMs ?? 2e3, Math.max(0, deadline - now())));
  }
}
async function abortFresh(admin, left, aborting, report, o, now) {
  const fresh = left.filter((e) => !aborting.has(key(e)) && e.phase !== "ABORTING");
  if (!fresh.length) return false;
  await o.say?.(
    `aborting ${fresh.length} execution${fresh.length === 1 ? "" : "s"} on ${o.cluster} (--abort): ${fresh.map((e) => describeExecution(e, now())).join(", ")}`
  );
  for (const e of fresh) {
    const aborted = await admin.terminate({ project: e.project, domain: e.domain, name: e.name }, `flytemc drain ${o.cluster} --abort`).then(
      () => true,
      (err) => {
        if (!(err instanceof AdminError) || err.failure !== "invalid") throw err;
        return false;
      }
    );
    aborting.add(key(e));
    if (aborted) report.aborted.push(e);
  }
  return true;
}
function progressLine(left, cluster, secondsLeft) {
  const perPlace = /* @__PURE__ */ new Map();
  for (const e of left) perPlace.set(`${e.project}/${e.domain}`, (perPlace.get(`${e.project}/${e.domain}`) ?? 0) + 1);
  return `${cluster}: ${left.length} execution${left.length === 1 ? "" : "s"} not ended (${[...perPlace].map(([k, n]) => `${k} ${n}`).join(", ")}); ${secondsLeft} s left`;
}
async function drain(admin, steps, o) {
  const now = o.now ?? Date.now;
  await reach(admin);
  await steps.cordon();
  const started = now();
  const deadline = started + o.timeoutMs;
  const report = { cluster: o.cluster, left: [], aborted: [], waitedMs: 0 };
  const pending = await waitForCordon(steps, o, deadline, now);
  if (pending) return { ...report, pending, waitedMs: now() - started };
  const aborting = /* @__PURE__ */ new Set();
  for (; ; ) {
    let left;
    try {
      left = await runningOn(admin, o.cluster);
      if (o.abort && await abortFresh(admin, left, aborting, report, o, now)) continue;
    } catch (e) {
      if (e instanceof AdminError) throw stoppedAfterCordon(e, admin, o);
      throw e;
    }
    report.left = left;
    report.waitedMs = now() - started;
    if (!left.length || now() >= deadline) return report;
    o.progress?.(progressLine(left, o.cluster, Math.ceil((deadline - now()) / 1e3)));
    await sleep(Math.min(o.pollMs ?? 2e3, Math.max(0, deadline - now())));
  }
}
var key = (e) => `${e.project}/${e.domain}/${e.name}`;

export {
  runningOn,
  age,
  describeExecution,
  drain
};
