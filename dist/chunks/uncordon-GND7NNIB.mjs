#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VALUES_USAGE,
  runEnabledCommand
} from "./chunk-3SBJTDYJ.mjs";
import "./chunk-C2GDGPEG.mjs";
import "./chunk-LIZBE3CS.mjs";
import "./chunk-SGCMAMQE.mjs";
import "./chunk-UYRSYKPZ.mjs";
import "./chunk-YMO6KGZQ.mjs";
import "./chunk-A2A5ZGMQ.mjs";
import "./chunk-TURV5SBD.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-KDU7JBVO.mjs";
import "./chunk-BJF2IVWH.mjs";
import "./chunk-RKAGZZI3.mjs";
import "./chunk-QZFYKPST.mjs";
import "./chunk-3K7XD2Q2.mjs";
import "./chunk-SJEN32SM.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
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
