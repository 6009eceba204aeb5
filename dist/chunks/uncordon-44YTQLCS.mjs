#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VALUES_USAGE,
  runEnabledCommand
} from "./chunk-EKEZNR3I.mjs";
import "./chunk-2GJYGP57.mjs";
import "./chunk-U5N5HMI4.mjs";
import "./chunk-KKHRX4D3.mjs";
import "./chunk-HMTLFFIO.mjs";
import "./chunk-XB2QLB3B.mjs";
import "./chunk-DQUPXFZ7.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-NVQYIBPE.mjs";
import "./chunk-SAU5RIUT.mjs";
import "./chunk-RHS6IYAQ.mjs";
import "./chunk-JHCCJEJG.mjs";
import "./chunk-XRQ3ABBJ.mjs";
import "./chunk-Q3OCJIB4.mjs";
import "./chunk-O6V7UVI7.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-7WIHMZLF.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
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
