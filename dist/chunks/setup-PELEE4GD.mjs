#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  OUTPUT_OPTION,
  parseFormat,
  render,
  table,
  tildify
} from "./chunk-EL45TENR.mjs";
import {
  CLI,
  RENDERER,
  helm3Readers,
  linkExecutable,
  onPath,
  readRecord,
  registerHelm4,
  separateHelm4Dir,
  unregisterHelm4,
  writeRecord
} from "./chunk-7KFSGYL6.mjs";
import {
  detectHelm,
  helmEnv,
  pluginRoot
} from "./chunk-MYO4P6B7.mjs";
import "./chunk-RKAGZZI3.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import {
  showUsage,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/helm/setup.ts
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";
var plural = (n, one, many) => n === 1 ? one : many;
function readersOf(helm, pluginsFolder) {
  return [
    ...helm.major === 3 ? [{ bin: helm.bin, version: helm.version }] : [],
    ...helm3Readers(pluginsFolder).filter((r) => helm.major !== 3 || r.version !== helm.version)
  ];
}
function refuseShared(helm, readers, pluginsFolder) {
  const n = readers.length;
  return new FlytemcError([
    error(
      { code: "setup.shared", subject: "setup --shared" },
      `${readers.map((r) => `Helm ${r.version} (${r.bin})`).join(" and ")} read${plural(n, "s", "")} ${pluginsFolder}: a Helm 4 plugin there makes ${plural(n, "it", "them")} drop all ${plural(n, "its", "their")} plugins`,
      helm.major === 3 ? "run `helm flytemc setup` without --shared (Helm 4 then finds the plugin through HELM_PLUGINS)" : "leave out --shared (then setup keeps the plugin out of that folder), or add --force if no Helm 3 uses this folder any more"
    )
  ]);
}
function hintsOf(r, pluginsFolder, byFlag) {
  const t = tildify;
  const { binDir, helm4PluginsDir: folder, helm3Readers: readers } = r;
  const n = readers.length;
  const hints = [];
  if (!onPath(binDir)) hints.push(`${t(binDir)} is not on PATH: add it (export PATH="${binDir}:$PATH") so Helm 3 finds ${RENDERER}`);
  if (r.layout === "shared") {
    hints.push(`Helm 4 finds ${RENDERER} in ${t(folder)} with its default settings.`);
    if (n)
      hints.push(`${readers.map((x) => x.bin).join(", ")} (Helm 3) now drop${plural(n, "s", "")} all plugins of ${t(folder)}: --shared --force asked for it.`);
    return hints;
  }
  const why = byFlag ? "as --helm4-dir asked" : `because ${readers.map((x) => `Helm ${x.version} (${t(x.bin)})`).join(" and ")} read${plural(n, "s", "")} ${t(pluginsFolder)} and would drop all ${plural(n, "its", "their")} plugins`;
  hints.push(
    `the Helm 4 plugin is in ${t(folder)}, ${why}. Helm 4 finds it when that folder is in HELM_PLUGINS; for Helm 4 only, e.g.
    alias helm4='HELM_PLUGINS="${pluginsFolder}${delimiter}${folder}" helm4'
  \`helm flytemc install\` needs none of this. Without a Helm 3 on PATH, setup puts it where Helm 4 looks by default.`
  );
  return hints;
}
function setupPostRenderer(o) {
  const helm = detectHelm();
  const env = helmEnv(helm);
  const dataHome = env.HELM_DATA_HOME;
  const pluginsFolder = (env.HELM_PLUGINS ?? "").split(delimiter)[0];
  const readers = readersOf(helm, pluginsFolder);
  if (o.shared && readers.length && (helm.major === 3 || !o.force)) throw refuseShared(helm, readers, pluginsFolder);
  const folder = o.helm4Dir ? resolve(o.helm4Dir) : o.shared || readers.length === 0 ? pluginsFolder : separateHelm4Dir(dataHome);
  const binDir = resolve(o.binDir ?? join(homedir(), ".local", "bin"));
  const record = readRecord(dataHome);
  const actions = [
    linkExecutable(binDir, RENDERER, join(o.root, "dist", `${RENDERER}.cjs`), "Helm 3 post-renderer executable", o.force, o.dryRun),
    linkExecutable(binDir, CLI, join(o.root, "dist", `${CLI}.mjs`), "flytemc command", o.force, o.dryRun),
    registerHelm4(folder, o.root, o.dryRun)
  ];
  const pdir = join(folder, RENDERER);
  for (const old of record.dirs.filter((d) => d !== pdir)) {
    const a = unregisterHelm4(old, o.dryRun);
    if (a) actions.push(a);
  }
  if (!o.dryRun) writeRecord(dataHome, { links: [...record.links, actions[0].path, actions[1].path], dirs: [pdir] });
  const report = {
    helm: helm.version,
    pluginDir: o.root,
    layout: folder === pluginsFolder ? "shared" : "separate",
    helm4PluginsDir: folder,
    helm3Readers: readers,
    binDir,
    actions,
    hints: []
  };
  report.hints = hintsOf(report, pluginsFolder, !!o.helm4Dir);
  return report;
}

// plugin/commands/setup.ts
var summary = "register the flytemc-post-renderer post-renderer for Helm 3 (PATH) and Helm 4 (plugin)";
var usage = `Usage: helm flytemc setup [--bin-dir DIR] [--helm4-dir DIR | --shared] [--force] [--dry-run] [-o table|yaml|json]

Makes \`--post-renderer flytemc-post-renderer\` work on both Helm versions. Safe to run again.
  Helm 3: symlinks DIR/flytemc-post-renderer and DIR/flytemc to the plugin's programs
          (DIR: --bin-dir, default ~/.local/bin; it must be on PATH).
  Helm 4: a postrenderer/v1 plugin \`flytemc-post-renderer\`, in Helm's plugins folder, where
          Helm 4 finds it with its default settings. But every Helm 3 since 3.3.2 drops ALL its
          plugins when that folder holds a Helm 4 plugin, so when a Helm 3 on PATH (helm, helm3,
          or the one FLYTEMC_HELM3 names) reads the same folder, the plugin goes into
          $HELM_DATA_HOME/flytemc/helm4-plugins
          instead, which Helm 4 reads when it is in HELM_PLUGINS:
            HELM_PLUGINS="$(helm env HELM_PLUGINS):$HELM_DATA_HOME/flytemc/helm4-plugins" helm template ...
          (\`helm flytemc install\` adds it by itself). Run setup again when that changes.
  Helm 4 hides a post-renderer's errors; flytemc-post-renderer also writes them to Helm's own
  stderr (Linux), to the terminal, and to a new file per failed run in $TMPDIR/flytemc-<uid>/
  (mode 0600), which the message names.
\`helm plugin uninstall flytemc\` removes all of it.

Options:
  --bin-dir DIR     where the executables go (default ~/.local/bin)
  --helm4-dir DIR   put the Helm 4 plugin into DIR (a folder for HELM_PLUGINS)
  --shared          put the Helm 4 plugin into Helm's plugins folder even when a Helm 3 reads it
                    (with --force only: that Helm 3 then drops all its plugins)
  --force           replace a foreign file at DIR/flytemc-post-renderer or DIR/flytemc
  --dry-run         say what would change, change nothing
  -o, --output FMT  table (default), yaml or json
  -h, --help        this help

Exit codes (docs/plugin.md#exit-codes): 0 done; 1 a file flytemc did not create is in the way (see
--force), or --shared would break a Helm 3; 2 the command line is wrong; 70 a bug in flytemc.

Example:
  helm flytemc setup --bin-dir ~/bin
`;
var formatReport = (r) => table(
  ["WHAT", "PATH", "STATUS"],
  r.actions.map((a) => [a.what, tildify(a.path), a.status])
) + `
next:
  ${r.hints.join("\n  ")}
  then: helm template ... --post-renderer ${RENDERER}   (Helm 3 and Helm 4)
`;
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      "bin-dir": { type: "string" },
      "helm4-dir": { type: "string" },
      shared: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      ...OUTPUT_OPTION
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output);
    if (values.shared && values["helm4-dir"]) throw new UsageError("--shared and --helm4-dir exclude each other", "pass one of them");
    const report = setupPostRenderer({
      root: pluginRoot(),
      binDir: values["bin-dir"],
      helm4Dir: values["helm4-dir"],
      shared: values.shared,
      force: values.force,
      dryRun: values["dry-run"]
    });
    await writeOut(render(format, report, () => formatReport(report)));
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
