// `install`'s Helm run with the checks of the layers above plugin/helm/ (unknown flyte-core keys, the kubeconfig rules). Not a command.
import { runInstall } from '../helm/install.ts';
import type { InstallArgs } from '../helm/install-args.ts';
import { printWarnings } from '../cli/shell.ts';
import { readText } from '../cli/stdio.ts';
import { unknownCoreKeys } from '../config/flyte-core-keys.ts';
import { parseValuesFile } from '../config/from-values.ts';
import { where } from '../config/where.ts';
import { isObject } from '../yaml/data.ts';

/** A values file's text and values, or undefined when it cannot be read or parsed (Helm says what is wrong with it). */
function read(f: string): { text: string; values: unknown } | undefined {
  try {
    const text = readText(f);
    return { text, values: parseValuesFile(f, text) };
  } catch {
    return undefined;
  }
}

/**
 * Keys under `flyte-core:` in your values files that flyte-core does not have: a warning each
 * (`helm flytemc validate` makes them errors); the chart's own files define template keys too.
 */
function warnUnknownCoreKeys(files: string[], chartFiles: string[]): void {
  const ours = chartFiles.map((f) => read(f)?.values).map((v) => (isObject(v) ? v['flyte-core'] : undefined));
  for (const f of files) {
    const r = read(f);
    if (!r || !isObject(r.values)) continue;
    printWarnings(unknownCoreKeys(r.values['flyte-core'], (p) => where({ label: f, text: r.text, base: '/flyte-core' }, p), 'warning', ours));
  }
}

/** Runs Helm as `install` does (also `cordon --upgrade`); returns flytemc's exit code. */
export function installChart(parsed: InstallArgs): Promise<number> {
  return runInstall(parsed, {
    warnValues: warnUnknownCoreKeys,
    checkContext: async (args) => {
      const { checkHelmContext } = await import('../cluster/kube.ts');
      await checkHelmContext(args);
    },
  });
}
