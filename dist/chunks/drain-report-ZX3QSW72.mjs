#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  age,
  describeExecution
} from "./chunk-ZCNPKERW.mjs";
import "./chunk-UXMUXMQE.mjs";
import {
  table
} from "./chunk-EL45TENR.mjs";
import {
  StoppedPartWay
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/flyteadmin/drain-report.ts
var executions = (n) => `${n} execution${n === 1 ? "" : "s"}`;
function checkDeployed(routes, name, source) {
  const mine = routes.clusters.find((c) => c.name === name);
  if (!mine)
    throw new FlytemcError([
      error(
        { code: "admin.not-joined", subject: source },
        `lists no cluster ${JSON.stringify(name)}: it is not joined to this control plane; nothing was changed`,
        `name one of: ${routes.clusters.map((c) => c.name).join(", ") || "(none)"}`
      )
    ]);
  if (mine.enabled && routes.clusters.every((c) => c.name === name || !c.enabled))
    throw new FlytemcError([
      error(
        { code: "admin.last-enabled", subject: source },
        `${name} is the last enabled cluster: drained, FlyteAdmin could run no execution anywhere; nothing was changed`,
        "join or uncordon another data plane first"
      )
    ]);
}
function runningNow(running, name, now) {
  return running.length ? `${executions(running.length)} not ended on ${name} now: ${running.map((e) => describeExecution(e, now)).join(", ")}
` : `no execution runs on ${name} now
`;
}
function drainOutcome(report, c, now) {
  const waited = `${(report.waitedMs / 1e3).toFixed(1)} s`;
  if (report.pending)
    return {
      text: "",
      error: new StoppedPartWay(
        [
          error(
            { code: "admin.cordon-pending", subject: `hub ${c.hub}` },
            `after ${waited} FlyteAdmin may still send new executions to ${c.name}: ${report.pending}; ${c.cordonNote}`,
            `upgrade the control plane with the cordoned values (${c.cordonUpgrade}), let FlyteAdmin's rollout finish, then resume: ${c.resume}`
          )
        ],
        EXIT.failed
      )
    };
  if (report.left.length) {
    const left = report.left;
    return {
      text: table(
        ["PROJECT", "DOMAIN", "EXECUTION", "PHASE", "AGE"],
        left.map((e) => [e.project, e.domain, e.name, e.phase, age(e.createdAt, now)])
      ),
      error: new StoppedPartWay(
        [
          error(
            { code: "admin.not-drained", subject: `FlyteAdmin ${c.admin}` },
            `${executions(left.length)} on ${c.name} had not ended after ${waited} (listed above; ${left.map((e) => describeExecution(e, now)).join(", ")}); ${c.cordonNote}`,
            c.abort ? `FlyteAdmin asked ${c.name} to abort them: its flytepropeller reports ABORTED once it runs (${c.self} check shows whether it is alive); then resume: ${c.resume}` : `wait longer (resume with a longer --timeout: ${c.resume} --timeout 30m), or abort them: ${c.resume} --abort`
          )
        ],
        EXIT.failed
      )
    };
  }
  const aborted = report.aborted.length ? `${report.aborted.length} aborted, ` : "";
  return {
    text: `${c.name} is drained: FlyteAdmin lists no execution there that has not ended (every project and domain; ${aborted}waited ${waited}). ${c.cordonNote}; next: ${c.self} unjoin ${c.name} --admin ${c.adminArg} ..., or ${c.undo}
`
  };
}
export {
  checkDeployed,
  drainOutcome,
  runningNow
};
