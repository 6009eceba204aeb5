#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VALUES_USAGE,
  runEnabledCommand
} from "./chunk-H6R25FPT.mjs";
import "./chunk-SYI5OANH.mjs";
import "./chunk-XSHMAYF4.mjs";
import "./chunk-QPZTICO7.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-7CVUCHLC.mjs";
import "./chunk-OUC775SF.mjs";
import "./chunk-XLSMOU2J.mjs";
import "./chunk-5SKCRAL6.mjs";
import "./chunk-7KFSGYL6.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-RKAGZZI3.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/cordon.ts
var summary = "take a data plane out of rotation: no new executions, what runs there goes on (enabled: false)";
var usage = `Usage: flytemc cordon NAME -f VALUES... [--upgrade] [--kube-context HUB] [-n NS] [options]

Sets \`enabled: false\` on cluster NAME in the control plane's values file (the one \`join\`
records the clusters in), keeping its endpoint, credentials and routes. In FlyteAdmin v1.16.8
that is the only way to stop new executions going to a cluster without breaking the ones that
run there: FlyteAdmin still finds a disabled cluster to abort an execution, whereas a weight of
0 is ignored unless every weight of the label is 0, and a cluster taken out of labelClusterMap
still gets work through the equal-weight fallback. Labels that route only to NAME are dropped
by FlyteAdmin, so their executions go to the fallback (listed). Then it prints the upgrade of
the control plane that applies the change, or runs it with --upgrade as \`install control-plane\`
does. Cordoning the last enabled cluster is refused, as the post-renderer would refuse the
control plane. Re-running changes nothing; \`uncordon\` undoes it; \`drain\` waits for the work.

Options:
${VALUES_USAGE}
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 cordoned (or already); 1 a values file is wrong, no
file lists NAME (it is not joined), or NAME is the last enabled cluster; 2 the command line is
wrong or a file cannot be read; 3 the upgrade failed (Helm, the cluster); 70 a bug in flytemc.

Examples:
  flytemc cordon dp1 -f shared-values.yaml -f my-values.yaml --kube-context cp -n flyte
  flytemc cordon dp1 -f shared-values.yaml -f my-values.yaml --kube-context cp -n flyte --upgrade
`;
var run = (argv) => runEnabledCommand(argv, false, usage);
export {
  run,
  summary,
  usage
};
