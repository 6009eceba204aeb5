// What `drain` says: the refusals before anything changes, what runs now (--dry-run), and the outcome with how to go on.
import type { Routes } from '../config/routes.ts';
import { table } from '../cli/output.ts';
import { StoppedPartWay } from '../cli/shell.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { age, describeExecution, type DrainReport, type RunningExecution } from './drain.ts';

const executions = (n: number): string => `${n} execution${n === 1 ? '' : 's'}`;

/**
 * A cluster drained without -f is cordoned elsewhere (GitOps): refused before anything changes when
 * FlyteAdmin's deployed config (`source`) does not list it, or when it is its last enabled cluster.
 */
export function checkDeployed(routes: Routes, name: string, source: string): void {
  const mine = routes.clusters.find((c) => c.name === name);
  if (!mine)
    throw new FlytemcError([
      error(
        { code: 'admin.not-joined', subject: source },
        `lists no cluster ${JSON.stringify(name)}: it is not joined to this control plane; nothing was changed`,
        `name one of: ${routes.clusters.map((c) => c.name).join(', ') || '(none)'}`,
      ),
    ]);
  if (mine.enabled && routes.clusters.every((c) => c.name === name || !c.enabled))
    throw new FlytemcError([
      error(
        { code: 'admin.last-enabled', subject: source },
        `${name} is the last enabled cluster: drained, FlyteAdmin could run no execution anywhere; nothing was changed`,
        'join or uncordon another data plane first',
      ),
    ]);
}

/** --dry-run: what does not run on the cluster yet. */
export function runningNow(running: RunningExecution[], name: string, now: number): string {
  return running.length
    ? `${executions(running.length)} not ended on ${name} now: ${running.map((e) => describeExecution(e, now)).join(', ')}\n`
    : `no execution runs on ${name} now\n`;
}

/** Where the drain stands, for its messages: the commands that go on or undo, and what stays. */
export interface DrainContext {
  name: string;
  /** FlyteAdmin's URL as the client uses it, and as --admin gave it (for the next command). */
  admin: string;
  adminArg: string;
  hub: string;
  abort: boolean;
  /** e.g. `dp1 stays cordoned in my-values.yaml`. */
  cordonNote: string;
  resume: string;
  undo: string;
  /** The cordon with the upgrade, e.g. `flytemc cordon dp1 -n flyte -f v.yaml --upgrade`. */
  cordonUpgrade: string;
  /** How the user runs flytemc (`flytemc`, `helm flytemc`). */
  self: string;
}

/** The drain's outcome: the table of what is left and the line said, or the error (exit 3, the cordon kept) that says how to go on. */
export function drainOutcome(report: DrainReport, c: DrainContext, now: number): { text: string; error?: FlytemcError } {
  const waited = `${(report.waitedMs / 1000).toFixed(1)} s`;
  if (report.pending)
    return {
      text: '',
      error: new StoppedPartWay(
        [
          error(
            { code: 'admin.cordon-pending', subject: `hub ${c.hub}` },
            `after ${waited} FlyteAdmin may still send new executions to ${c.name}: ${report.pending}; ${c.cordonNote}`,
            `upgrade the control plane with the cordoned values (${c.cordonUpgrade}), let FlyteAdmin's rollout finish, then resume: ${c.resume}`,
          ),
        ],
        EXIT.failed,
      ),
    };
  if (report.left.length) {
    const left = report.left;
    return {
      text: table(
        ['PROJECT', 'DOMAIN', 'EXECUTION', 'PHASE', 'AGE'],
        left.map((e) => [e.project, e.domain, e.name, e.phase, age(e.createdAt, now)]),
      ),
      error: new StoppedPartWay(
        [
          error(
            { code: 'admin.not-drained', subject: `FlyteAdmin ${c.admin}` },
            `${executions(left.length)} on ${c.name} had not ended after ${waited} (listed above; ${left.map((e) => describeExecution(e, now)).join(', ')}); ${c.cordonNote}`,
            c.abort
              ? `FlyteAdmin asked ${c.name} to abort them: its flytepropeller reports ABORTED once it runs (${c.self} check shows whether it is alive); then resume: ${c.resume}`
              : `wait longer (resume with a longer --timeout: ${c.resume} --timeout 30m), or abort them: ${c.resume} --abort`,
          ),
        ],
        EXIT.failed,
      ),
    };
  }
  const aborted = report.aborted.length ? `${report.aborted.length} aborted, ` : '';
  return {
    text: `${c.name} is drained: FlyteAdmin lists no execution there that has not ended (every project and domain; ${aborted}waited ${waited}). ${c.cordonNote}; next: ${c.self} unjoin ${c.name} --admin ${c.adminArg} ..., or ${c.undo}\n`,
  };
}
