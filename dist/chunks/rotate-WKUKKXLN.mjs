#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CHANGE_OPTIONS,
  TOKEN_TIMEOUT,
  oneMember,
  sessionOptions,
  timeoutOption
} from "./chunk-PKTK6TJI.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-3T6WTJRQ.mjs";
import {
  commandLine,
  guard,
  printWarnings
} from "./chunk-62GU7USA.mjs";
import {
  writeOut
} from "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import {
  EXIT,
  marked
} from "./chunk-5JWNXXDS.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/rotate.ts
var summary = "rotate a data plane's token: new token Secret, update the hub, restart, revoke the old one";
var usage = `Usage: flytemc rotate CONTEXT --name NAME --kube-context HUB [options]

Creates a new token Secret (flyteadmin-token-<suffix>) for ServiceAccount flyteadmin in the data
plane, waits for its token and proves it (TLS, authentication, permissions), writes it into the
hub's credentials Secret, restarts flyteadmin and syncresources, deletes the old token Secret
and then checks with a real request that the API server rejects the old token.

Options:
  --name NAME          the cluster's name in FlyteAdmin (default: the context name)
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --no-restart         do not restart (FlyteAdmin then keeps the revoked token until it restarts)
  --dry-run            print the plan; change nothing
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 15s)
  --token-timeout DUR  how long to wait for the token controller (default 60s)
  --revoke-timeout DUR how long to wait for the API server to reject the old token (default 60s)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 rotated; 1 the hub has joined no cluster of that name,
or the context is another cluster; 2 the command line is wrong, or the kubeconfig (none, no such
context, a cluster that skips TLS verification without --insecure-skip-tls-verify); 3 a cluster
failed (unreachable, TLS, token, the token controller); 70 a bug in flytemc.

Example:
  flytemc rotate dp-us-east-1 --name dp-us-east-1 --kube-context cp
`;
async function run(argv) {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...CHANGE_OPTIONS,
        ...TOKEN_TIMEOUT,
        "revoke-timeout": { type: "string" },
        "no-restart": { type: "boolean", default: false }
      },
      true
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const { context, name } = oneMember(positionals, v.name);
    const revokeTimeoutMs = timeoutOption(v["revoke-timeout"], "--revoke-timeout", 6e4);
    const { openSession } = await import("./session-OPOQJ2WN.mjs");
    const session = await openSession({ ...sessionOptions(v, { members: [context] }), withHub: true });
    const { rotateCluster } = await import("./rotate-JIC222WT.mjs");
    const out = await rotateCluster({ context, name, restart: !v["no-restart"], revokeTimeoutMs }, session);
    const { formatPlan } = await import("./plan-25PPO6S3.mjs");
    const { namespace } = session;
    let text = formatPlan(session.plan.changes, { diff: v["dry-run"], dryRun: v["dry-run"] });
    text += v["dry-run"] ? `
dry run: nothing was changed. ${name}${marked(context).slice(context.length)} would get a new token from Secret ${namespace}/${out.newSecret}
` : `
rotated ${name}${marked(context).slice(context.length)}: ${marked(`hub ${session.hubContext}`)} now holds the token of Secret ${namespace}/${out.newSecret}; Secret ${namespace}/${out.oldSecret} is deleted${out.oldTokenRejectedAfterMs !== void 0 ? " and its token is rejected by the API server" : ""}
`;
    await writeOut(text);
    printWarnings(out.warnings);
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
