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

// plugin/commands/uncordon.ts
var summary = "put a cordoned data plane back into rotation (enabled: true)";
var usage = `Usage: flytemc uncordon NAME -f VALUES... [--upgrade] [--kube-context HUB] [-n NS] [options]

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
var run = (argv) => runEnabledCommand(argv, true, usage);
export {
  run,
  summary,
  usage
};
