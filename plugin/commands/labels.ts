// `helm flytemc labels`: flytectl attribute files that route a project/domain[/workflow] to a
// label: one from the command line, or one per entry of `multicluster.executionLabels`.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateMulticluster } from '../generated/validators.cjs';
import { readValuesFiles, type ValuesFile } from '../config/from-values.ts';
import { schemaProblems } from '../config/schema-errors.ts';
import type { ExecutionLabel } from '../config/types.ts';
import { where } from '../config/where.ts';
import { get } from '../json-pointer.ts';
import { FlytemcError, error, type Problem, EXIT, UsageError } from '../problems.ts';
import { parseFormat, render, type Format } from '../output.ts';
import { clustersFromValues, computeRoutes, type Routes } from '../config/routes.ts';
import { commandLine, guard, printWarnings } from '../shell.ts';
import { writeOut } from '../stdio.ts';
import { isObject } from '../data.ts';

export const summary = 'write flytectl execution-cluster-label attribute files (one, or one per multicluster.executionLabels entry)';
export const usage = `Usage: helm flytemc labels --project P --domain D [--workflow W] --label L [-f FILE...] [-o yaml|json] [--out FILE]
       helm flytemc labels -f FILE... --out DIR [-o yaml|json]

Writes the attribute file that \`flytectl update execution-cluster-label --attrFile FILE\` reads,
so that executions of the project and domain (and workflow) go to the clusters of label L. With
-f it refuses a label that the config does not route: unknown to labelClusterMap, or dropped by
FlyteAdmin because none of its clusters is enabled (such executions would silently fall back).

Without --project/--domain/--label, it reads the mapping from the values files'
\`multicluster.executionLabels\` (a list of {project, domain, workflow?, label}) and writes one
file per entry into DIR, named <project>_<domain>[_<workflow>].yaml: the mapping lives in git
with the clusters. Every entry is checked first; one label the config does not route and
nothing is written.

Options:
  --project P      the Flyte project
  --domain D       the domain (development, staging, production, ...)
  --workflow W     only this workflow (optional)
  --label L        the execution cluster label (a key of labelClusterMap)
  -f, --values F   values files with the cluster config, to check the label (repeatable)
  -o FORMAT        yaml (default) or json
  --out FILE|DIR   write to FILE instead of standard output; with executionLabels, the folder
  -h, --help       this help

Exit codes (docs/plugin.md#exit-codes): 0 written; 1 a label is not routed by the config, or a
values file is wrong; 2 the command line is wrong or a file cannot be read; 70 a bug in flytemc.

Examples:
  helm flytemc labels --project flytesnacks --domain development --label team2 -f values-override.yaml --out ecl.yaml
  flytectl update execution-cluster-label --attrFile ecl.yaml

  helm flytemc labels -f my-values.yaml --out labels/
  for f in labels/*.yaml; do flytectl update execution-cluster-label --attrFile "$f"; done
`;

interface Found {
  routes: Routes;
  at: string;
}

/** Why FlyteAdmin would not use `label`, or undefined when the config routes it. */
function unrouted(label: string, { routes, at }: Found): { what: string; fix: string } | undefined {
  const l = routes.labels.find((x) => x.label === label);
  const known = routes.labels.filter((x) => !x.dropped).map((x) => x.label);
  const fallback = routes.fallback.label !== undefined ? `defaultExecutionLabel ${routes.fallback.label}` : 'all enabled clusters';
  if (!l)
    return {
      what: `${JSON.stringify(label)} is not a label of ${at}.labelClusterMap; FlyteAdmin would ignore it and use ${fallback}`,
      fix: `use one of: ${known.join(', ') || '(none: add the label to labelClusterMap first)'}`,
    };
  if (l.dropped)
    return {
      what: `label ${JSON.stringify(label)} has no enabled cluster (${l.entries.map((e) => `${e.id}: ${e.note ?? ''}`).join('; ')}), so FlyteAdmin drops it and would use ${fallback}`,
      fix: `enable one of its clusters (see \`helm flytemc routes\`), or use one of: ${known.join(', ') || '(none)'}`,
    };
  return undefined;
}

const attributes = (e: ExecutionLabel): Record<string, string> => ({
  domain: e.domain,
  project: e.project,
  ...(e.workflow ? { workflow: e.workflow } : {}),
  value: e.label,
});

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values } = commandLine(argv, {
      project: { type: 'string' },
      domain: { type: 'string' },
      workflow: { type: 'string' },
      label: { type: 'string' },
      values: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o' },
      out: { type: 'string' },
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output, ['yaml', 'json']);
    const files = values.values ?? [];
    const { files: parsed, merged } = readValuesFiles(files);
    const config = (): Found => {
      const found = clustersFromValues(merged);
      if (!found)
        throw new FlytemcError([
          {
            severity: 'error',
            where: files.join(', '),
            what: 'no cluster config to check the label against',
            fix: 'pass the values file with multicluster.clusters (or configmap.clusters)',
          },
        ]);
      return { routes: computeRoutes(found.clusters), at: found.at };
    };

    if (!values.project && !values.domain && !values.label && !values.workflow) {
      if (!files.length || !values.out)
        throw new UsageError('give --project, --domain and --label, or -f FILE --out DIR to write one file per multicluster.executionLabels entry');
      return fromValues(parsed, merged, config, values.out, format);
    }
    for (const k of ['project', 'domain', 'label'] as const) if (!values[k]) throw new UsageError(`--${k} is required`);
    const label = values.label!;
    if (files.length) {
      const why = unrouted(label, config());
      if (why) throw new FlytemcError([{ severity: 'error', where: `--label ${label}`, ...why }]);
    } else {
      process.stderr.write('warning: the label was not checked against a config; pass -f values.yaml to check it\n');
    }
    const text = render(
      format,
      attributes({ project: values.project!, domain: values.domain!, ...(values.workflow ? { workflow: values.workflow } : {}), label }),
      () => '',
    );
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`wrote ${values.out}; apply it with: flytectl update execution-cluster-label --attrFile ${values.out}\n`);
    } else {
      await writeOut(text);
    }
    return EXIT.ok;
  });
}

const HEADER = '# flytectl execution-cluster-label attributes, written by `flytemc labels` from multicluster.executionLabels';

/** One file per `multicluster.executionLabels` entry, after checking every entry. */
async function fromValues(parsed: ValuesFile[], merged: unknown, config: () => Found, dir: string, format: Format): Promise<number> {
  // the file whose list wins (Helm replaces lists: the last file that sets it)
  const src = [...parsed].reverse().find((p) => isObject(p.values) && isObject(p.values.multicluster) && 'executionLabels' in p.values.multicluster);
  const mc = isObject(merged) && isObject(merged.multicluster) ? merged.multicluster : {};
  if (!src || !Array.isArray(mc.executionLabels) || mc.executionLabels.length === 0) {
    throw new FlytemcError([
      error(
        parsed.map((p) => p.file).join(', '),
        'no multicluster.executionLabels entries to write',
        'add entries such as `- {project: flytesnacks, domain: development, label: team1}` under multicluster.executionLabels, or pass --project, --domain and --label',
      ),
    ]);
  }
  const at = (p: string) => where({ label: src.file, text: src.text, base: '/multicluster' }, p);
  const problems: Problem[] = [];
  const shape = { executionLabels: mc.executionLabels };
  if (!validateMulticluster(shape)) problems.push(...schemaProblems(validateMulticluster.errors, at, (p) => get(shape, p)));
  if (problems.length) throw new FlytemcError(problems);
  const entries = mc.executionLabels as ExecutionLabel[];
  const found = config();
  const names = new Map<string, number>();
  entries.forEach((e, i) => {
    const why = unrouted(e.label, found);
    if (why) problems.push(error(at(`/executionLabels/${i}/label`), `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ''}: ${why.what}`, why.fix));
    const name = fileName(e, format);
    const first = names.get(name);
    if (first !== undefined)
      problems.push(
        error(
          at(`/executionLabels/${i}`),
          `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ''} is listed twice (also entry ${first}); flytectl keeps whichever is applied last`,
          'keep one entry',
        ),
      );
    else names.set(name, i);
  });
  if (problems.length) throw new FlytemcError(problems);

  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file; with executionLabels it names a folder`);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const e of entries) {
    const name = fileName(e, format);
    const body = render(format, attributes(e), () => '');
    writeFileSync(join(dir, name), format === 'yaml' ? `${HEADER}\n${body}` : body);
    written.push(name);
  }
  // files of entries no longer listed: their attribute stays in FlyteAdmin until deleted
  const ours = new Set(written);
  const stale = readdirSync(dir).filter((f) => !ours.has(f) && /\.(yaml|json)$/.test(f) && readFileSync(join(dir, f), 'utf8').startsWith(HEADER));
  const warnings: Problem[] = stale.map((f) => ({
    severity: 'warning',
    where: join(dir, f),
    what: 'no executionLabels entry writes this file any more, but FlyteAdmin keeps its attribute',
    fix: `flytectl delete execution-cluster-label --attrFile ${join(dir, f)}, then delete the file`,
  }));
  await writeOut(
    `${written.map((f) => `wrote ${join(dir, f)}`).join('\n')}\napply them with: for f in ${join(dir, '*.' + (format === 'json' ? 'json' : 'yaml'))}; do flytectl update execution-cluster-label --attrFile "$f"; done\n`,
  );
  printWarnings(warnings);
  return EXIT.ok;
}

/** `<project>_<domain>[_<workflow>].yaml`: project and domain ids have no `_`, so names never collide. */
function fileName(e: ExecutionLabel, format: Format): string {
  return `${[e.project, e.domain, ...(e.workflow ? [e.workflow] : [])].join('_')}.${format === 'json' ? 'json' : 'yaml'}`;
}
