// Execution cluster labels as code: the changes that make FlyteAdmin's attributes the values', applied and recorded.
import { EXIT, FlytemcError, error, type At, type Problem, type Place } from '../problems/problems.ts';
import { AdminError, adminProblem, failWith, type AttributeTarget, type LabelAttribute } from './client.ts';
import { table } from '../cli/output.ts';

/** The part of FlyteAdmin labels apply uses (FlyteAdmin implements it; unit tests fake it). */
export interface AttributesApi {
  readonly url: string;
  projects(): Promise<Array<{ id: string; domains: Array<{ id: string }> }>>;
  executionLabels(): Promise<LabelAttribute[]>;
  setExecutionLabel(a: LabelAttribute): Promise<void>;
  deleteExecutionLabel(t: AttributeTarget): Promise<void>;
}

/** Where flytemc records the attributes it applied: FlyteAdmin's attributes carry no owner, and --prune removes only flytemc's. */
export interface AppliedRecord {
  /** For messages, e.g. `hub cp ConfigMap flyte/flytemc-execution-labels`. */
  readonly where: string;
  /** The targets flytemc applied, and the version to write over. */
  read(): Promise<{ targets: AttributeTarget[]; version?: string }>;
  /** Replaces the record, only if it is still at `version` (undefined: it must not exist yet). */
  write(targets: AttributeTarget[], version: string | undefined): Promise<void>;
}

/** Which attributes that the values do not list are removed. */
export type Prune = 'none' | 'applied' | 'all';

interface LabelChange {
  action: 'add' | 'change' | 'remove' | 'unchanged' | 'keep';
  target: AttributeTarget;
  /** FlyteAdmin's label now. */
  from?: string;
  /** The values' label. */
  to?: string;
  note?: string;
}

const key = (t: AttributeTarget): string => [t.project, t.domain, t.workflow ?? ''].join('/');
const target = (t: AttributeTarget): AttributeTarget => ({ project: t.project, domain: t.domain, ...(t.workflow ? { workflow: t.workflow } : {}) });

/** `flytesnacks/development`, `flytesnacks/development/my.wf`, `flytetester (whole project)`. */
const describeTarget = (t: AttributeTarget): string =>
  t.domain ? `${t.project}/${t.domain}${t.workflow ? `/${t.workflow}` : ''}` : `${t.project} (whole project)`;

/** The changes that make FlyteAdmin's attributes (`current`) those of the values (`desired`). */
export function planLabels(desired: LabelAttribute[], current: LabelAttribute[], applied: AttributeTarget[], prune: Prune): LabelChange[] {
  const have = new Map(current.map((a) => [key(a), a]));
  const want = new Set(desired.map(key));
  const ours = new Set(applied.map(key));
  const out: LabelChange[] = [];
  for (const d of desired) {
    const c = have.get(key(d));
    if (!c) out.push({ action: 'add', target: target(d), to: d.label });
    else if (c.label !== d.label) out.push({ action: 'change', target: target(d), from: c.label, to: d.label });
    else out.push({ action: 'unchanged', target: target(d), from: c.label, to: d.label });
  }
  for (const c of current) {
    if (want.has(key(c))) continue;
    const mine = ours.has(key(c));
    if (prune === 'all' || (prune === 'applied' && mine))
      out.push({
        action: 'remove',
        target: target(c),
        from: c.label,
        note: mine ? 'applied by flytemc, no longer in the values' : 'not in the values (--prune-all)',
      });
    else
      out.push({
        action: 'keep',
        target: target(c),
        from: c.label,
        note: mine ? 'applied by flytemc, no longer in the values: --prune removes it' : 'not set by flytemc: kept (--prune-all removes it)',
      });
  }
  return out.sort((a, b) => (key(a.target) < key(b.target) ? -1 : key(a.target) > key(b.target) ? 1 : 0));
}

/** Whether applying `changes` would change FlyteAdmin (drift, for `labels diff`). */
export const drifts = (changes: LabelChange[]): boolean => changes.some((c) => c.action === 'add' || c.action === 'change' || c.action === 'remove');

/** A place with a problem code. */
const coded = (at: Place, code: string): At => (typeof at === 'string' ? { code, subject: at } : { ...at, code });

/** Entries for a project or domain FlyteAdmin does not know (it refuses them): one problem each, `at(i)` says where. */
export async function unknownProjects(admin: AttributesApi, desired: LabelAttribute[], at: (i: number) => Place): Promise<Problem[]> {
  const projects = await admin.projects();
  const byId = new Map(projects.map((p) => [p.id, new Set(p.domains.map((d) => d.id))]));
  const problems: Problem[] = [];
  desired.forEach((d, i) => {
    const domains = byId.get(d.project);
    if (!domains)
      problems.push(
        error(
          coded(at(i), 'labels.unknown-project'),
          `FlyteAdmin ${admin.url} has no project ${JSON.stringify(d.project)} (it has ${[...byId.keys()].join(', ') || 'none'}), so it would refuse this label`,
          `fix the project, or create it first: flytectl create project --id ${d.project} --name ${d.project}`,
        ),
      );
    else if (!domains.has(d.domain))
      problems.push(
        error(
          coded(at(i), 'labels.unknown-domain'),
          `project ${d.project} has no domain ${JSON.stringify(d.domain)} in FlyteAdmin ${admin.url}`,
          `use one of: ${[...domains].join(', ')}`,
        ),
      );
  });
  return problems;
}

interface ApplyOutcome {
  /** The changes FlyteAdmin took. */
  done: LabelChange[];
}

/**
 * Applies the changes (sets first, then removals), then records what flytemc applied: the values'
 * targets, plus earlier ones still in FlyteAdmin and not removed. A set or a removal that lands is
 * recorded even when a later one fails; the failure says what landed and how to go on (the same
 * command again).
 */
export async function applyLabels(admin: AttributesApi, record: AppliedRecord, changes: LabelChange[], rerun: string): Promise<ApplyOutcome> {
  const { targets: before, version } = await record.read();
  const done: LabelChange[] = [];
  let failure: Problem | undefined;
  try {
    for (const c of changes.filter((x) => x.action === 'add' || x.action === 'change')) {
      await admin.setExecutionLabel({ ...c.target, label: c.to! });
      done.push(c);
    }
    for (const c of changes.filter((x) => x.action === 'remove')) {
      await admin.deleteExecutionLabel(c.target);
      done.push(c);
    }
  } catch (e) {
    if (!(e instanceof AdminError)) throw e;
    failure = adminProblem(e, `FlyteAdmin ${admin.url}`);
  }
  // the record: every target FlyteAdmin now holds that the values claim or flytemc applied before
  const doneKeys = new Set(done.map((c) => key(c.target)));
  const held = changes.filter((c) => (c.action === 'add' ? doneKeys.has(key(c.target)) : !(c.action === 'remove' && doneKeys.has(key(c.target)))));
  const wanted = new Set(changes.filter((c) => c.action === 'add' || c.action === 'change' || c.action === 'unchanged').map((c) => key(c.target)));
  const previously = new Set(before.map(key));
  const next = new Map<string, AttributeTarget>();
  for (const c of held) if (wanted.has(key(c.target)) || previously.has(key(c.target))) next.set(key(c.target), c.target);
  const targets = [...next.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const same = targets.length === before.length && targets.every((t) => previously.has(key(t)));
  let recordFailure: unknown;
  if (!same || version === undefined)
    await record.write(targets, version).catch((e: unknown) => {
      recordFailure = e;
    });
  const landed = done.length ? `applied: ${done.map((c) => `${c.action} ${describeTarget(c.target)}`).join(', ')}` : 'nothing was applied';
  if (failure) {
    throw new FlytemcError(
      [
        {
          ...failure,
          message: `${failure.message}; ${landed}${recordFailure ? '' : ` (recorded in ${record.where})`}`,
          fix: `${failure.fix}; then rerun: ${rerun}`,
        },
      ],
      EXIT.failed,
    );
  }
  if (recordFailure) {
    const p = recordFailure instanceof FlytemcError ? recordFailure.problems[0] : undefined;
    throw new FlytemcError(
      [
        error(
          { code: 'labels.record', subject: record.where },
          `${landed} in FlyteAdmin, but the record of what flytemc applied was not written${p ? ` (${p.message})` : ''}: a later --prune would not know these attributes are flytemc's`,
          `rerun: ${rerun} (it changes nothing in FlyteAdmin and writes the record)`,
        ),
      ],
      EXIT.failed,
    );
  }
  return { done };
}

/** `N to add, N to change, ...`: the changes counted by action. */
export function summarize(changes: LabelChange[]): string {
  const n = (a: LabelChange['action']) => changes.filter((c) => c.action === a).length;
  return `${n('add')} to add, ${n('change')} to change, ${n('remove')} to remove, ${n('unchanged')} unchanged, ${n('keep')} kept`;
}

/** The changes as a table, for people. */
export function formatChanges(changes: LabelChange[], admin: string, files: string[]): string {
  const shown = (t: AttributeTarget) => [t.project, t.domain || '(all)', t.workflow ?? ''];
  const rows = changes.map((c) => [c.action, ...shown(c.target), c.from ?? '-', c.to ?? '-', c.note ?? '']);
  return `execution cluster labels: FlyteAdmin ${admin} against multicluster.executionLabels of ${files.join(', ')}
${table(['ACTION', 'PROJECT', 'DOMAIN', 'WORKFLOW', 'FLYTEADMIN', 'VALUES', 'NOTE'], rows, '  ')}${summarize(changes)}
`;
}

/** The changes that make FlyteAdmin hold `desired` (`at(i)`: where entry i is); refused first for a project or domain FlyteAdmin does not know. */
export async function labelPlan(
  admin: AttributesApi,
  record: AppliedRecord,
  desired: LabelAttribute[],
  at: (i: number) => Place,
  prune: Prune,
): Promise<LabelChange[]> {
  const where = `FlyteAdmin ${admin.url}`;
  const unknown = await unknownProjects(admin, desired, at).catch((e: unknown) => failWith(e, where));
  if (unknown.length) throw new FlytemcError(unknown);
  const [current, applied] = await Promise.all([admin.executionLabels().catch((e: unknown) => failWith(e, where)), record.read()]);
  return planLabels(desired, current, applied.targets, prune);
}

/** `labels diff` found FlyteAdmin differs from the values: exit 3, with the command that applies them. */
export function driftError(changes: LabelChange[], admin: string, files: string[], rerun: string): FlytemcError {
  return new FlytemcError(
    [
      error(
        { code: 'labels.drift', subject: `FlyteAdmin ${admin}` },
        `its execution cluster labels differ from ${files.join(', ')} (${summarize(changes)})`,
        `apply the values: ${rerun}`,
      ),
    ],
    EXIT.failed,
  );
}
