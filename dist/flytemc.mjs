#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunks/chunk-RKAGZZI3.mjs";
import {
  guard,
  running,
  self
} from "./chunks/chunk-PWPBOTUG.mjs";
import {
  EXIT
} from "./chunks/chunk-PXOMBRJH.mjs";
import {
  __require
} from "./chunks/chunk-GPAN37FC.mjs";

// plugin/bin/flytemc.ts
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// plugin/commands/index.ts
var commands = {
  setup: () => import("./chunks/setup-PELEE4GD.mjs"),
  install: () => import("./chunks/install-3LNKE67V.mjs"),
  export: () => import("./chunks/export-TF4J4QZV.mjs"),
  join: () => import("./chunks/join-JTVTZSQI.mjs"),
  check: () => import("./chunks/check-AZWYI5WR.mjs"),
  smoke: () => import("./chunks/smoke-ASAINJSS.mjs"),
  rbac: () => import("./chunks/rbac-WIPRGYRT.mjs"),
  validate: () => import("./chunks/validate-XYVPHUHS.mjs"),
  routes: () => import("./chunks/routes-QT2BMYG6.mjs"),
  labels: () => import("./chunks/labels-YXGRNOXE.mjs"),
  cordon: () => import("./chunks/cordon-QTEKECJK.mjs"),
  uncordon: () => import("./chunks/uncordon-ZXPTDUXA.mjs"),
  drain: () => import("./chunks/drain-RCNIA57P.mjs"),
  rotate: () => import("./chunks/rotate-CQWRXIFJ.mjs"),
  unjoin: () => import("./chunks/unjoin-TLZM6FA7.mjs"),
  "post-render": () => import("./chunks/post-render-DDX57K76.mjs")
};
var READ_ONLY = /* @__PURE__ */ new Set(["validate", "routes", "check"]);

// plugin/bin/post-render-script.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
var BUILT = true;
function loadPostRenderScript(dir, req) {
  const file = join(dir, "flytemc-post-render.js");
  let cachedData;
  try {
    cachedData = readFileSync(join(dir, "flytemc-post-render.code-cache"));
  } catch {
    cachedData = void 0;
  }
  const script = new Script(readFileSync(file, "utf8"), { filename: file, ...cachedData ? { cachedData } : {} });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, req, module);
  return module.exports;
}

// plugin/bin/flytemc.ts
async function help() {
  const names = Object.keys(commands);
  const summaries = await Promise.all(names.map(async (n) => (await commands[n]()).summary));
  const width = Math.max(...names.map((n) => n.length));
  return `flytemc ${VERSION}: run Flyte on many Kubernetes clusters

Usage: flytemc <command> [options]      (or: helm flytemc <command> [options])

Commands:
${names.map((n, i) => `  ${n.padEnd(width)}  ${summaries[i] ?? ""}`).join("\n")}

Run \`flytemc help <command>\` (or \`flytemc <command> --help\`) for a command's options and examples.
Under \`helm flytemc\`, Helm's -n/--namespace, --kube-context, --kubeconfig and --debug apply.
`;
}
function unknown(name) {
  const near = Object.keys(commands).find((n) => n.startsWith(name.slice(0, 3)) || name.startsWith(n));
  process.stderr.write(
    `error: unknown command ${JSON.stringify(name)}
  fix: ${near ? `did you mean \`${near}\`? ` : ""}run \`${self()} help\` for the list of commands
`
  );
  return EXIT.usage;
}
async function main(argv) {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  for (let i = args.indexOf("--debug"); i >= 0 && (args.indexOf("--") < 0 || i < args.indexOf("--")); i = args.indexOf("--debug")) {
    args.splice(i, 1);
    process.env.FLYTEMC_DEBUG = "1";
  }
  const [name, ...rest] = args;
  if (!name || name === "-h" || name === "--help") {
    process.stdout.write(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === "help") {
    const topic = rest.find((a) => !a.startsWith("-"));
    if (!topic) {
      process.stdout.write(await help());
      return EXIT.ok;
    }
    const load2 = commands[topic];
    if (!load2) return unknown(topic);
    process.stdout.write((await load2()).usage);
    return EXIT.ok;
  }
  if (name === "--version" || name === "version") {
    process.stdout.write(`flytemc ${VERSION}
`);
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) return unknown(name);
  running.command = name;
  running.readOnly = READ_ONLY.has(name);
  if (rest.includes("--version") && !rest.includes("--")) {
    process.stdout.write(`flytemc ${VERSION}
`);
    return EXIT.ok;
  }
  if (name === "post-render" && BUILT) {
    const script = loadPostRenderScript(dirname(fileURLToPath(import.meta.url)), __require);
    script.running.command = name;
    return script.run(rest);
  }
  return (await load()).run(rest);
}
process.exit(await guard(() => main(process.argv.slice(2))));
