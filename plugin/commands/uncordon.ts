// `flytemc uncordon NAME -f VALUES...`: a cordoned cluster takes new executions again (`enabled: true`).
import { runEnabledCommand, VALUES_USAGE } from './control-plane-values.ts';

export const summary = 'put a cordoned data plane back into rotation (enabled: true)';
export const usage = `Usage: flytemc uncordon NAME -f VALUES... [--upgrade] [--kube-context HUB] [-n NS] [options]

Sets \`enabled: true\` on cluster NAME in the control plane's values file, so that FlyteAdmin
sends it new executions again (and its labels route to it again, listed), then prints the upgrade
of the control plane that applies it, or runs it with --upgrade as \`install control-plane\` does.
Re-running changes nothing.

Options:
${VALUES_USAGE}
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 uncordoned (or already); 1 a values file is wrong, or no
file lists NAME (it is not joined); 2 the command line is wrong or a file cannot be read; 3 the
upgrade failed (Helm, the cluster); 70 a bug in flytemc.

Examples:
  flytemc uncordon dp1 -f shared-values.yaml -f my-values.yaml --kube-context cp -n flyte --upgrade
`;

export const run = (argv: string[]): Promise<number> => runEnabledCommand(argv, true, usage);
