#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseFormat,
  render,
  table,
  tildify
} from "./chunk-FTTXYFV7.mjs";
import {
  CLI,
  Conflict,
  RENDERER,
  helm3Readers,
  linkExecutable,
  onPath,
  readRecord,
  registerHelm4,
  separateHelm4Dir,
  unregisterHelm4,
  writeRecord
} from "./chunk-GAORPYMV.mjs";
import "./chunk-SAU5RIUT.mjs";
import {
  detectHelm,
  helmEnv,
  pluginRoot
} from "./chunk-OVIFR6TO.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  writeOut
} from "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/setup.ts
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";
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
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      "bin-dir": { type: "string" },
      "helm4-dir": { type: "string" },
      shared: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      output: { type: "string", short: "o" }
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output);
    if (values.shared && values["helm4-dir"]) throw new UsageError("--shared and --helm4-dir exclude each other", "pass one of them");
    const root = pluginRoot();
    const helm = detectHelm();
    const env = helmEnv(helm);
    const dataHome = env.HELM_DATA_HOME;
    const pluginsFolder = (env.HELM_PLUGINS ?? "").split(delimiter)[0];
    const readers = [
      ...helm.major === 3 ? [{ bin: helm.bin, version: helm.version }] : [],
      ...helm3Readers(pluginsFolder).filter((r) => helm.major !== 3 || r.version !== helm.version)
    ];
    if (values.shared && readers.length && (helm.major === 3 || !values.force)) {
      throw new FlytemcError([
        error(
          "setup --shared",
          `${readers.map((r) => `Helm ${r.version} (${r.bin})`).join(" and ")} read${readers.length === 1 ? "s" : ""} ${pluginsFolder}: a Helm 4 plugin there makes ${readers.length === 1 ? "it" : "them"} drop all ${readers.length === 1 ? "its" : "their"} plugins`,
          helm.major === 3 ? "run `helm flytemc setup` without --shared (Helm 4 then finds the plugin through HELM_PLUGINS)" : "leave out --shared (then setup keeps the plugin out of that folder), or add --force if no Helm 3 uses this folder any more"
        )
      ]);
    }
    const folder = values["helm4-dir"] ? resolve(values["helm4-dir"]) : values.shared || readers.length === 0 ? pluginsFolder : separateHelm4Dir(dataHome);
    const shared = folder === pluginsFolder;
    const binDir = resolve(values["bin-dir"] ?? join(homedir(), ".local", "bin"));
    const dry = values["dry-run"];
    const actions = [];
    const record = readRecord(dataHome);
    try {
      actions.push(linkExecutable(binDir, RENDERER, join(root, "dist", `${RENDERER}.cjs`), "Helm 3 post-renderer executable", values.force, dry));
      actions.push(linkExecutable(binDir, CLI, join(root, "dist", `${CLI}.mjs`), "flytemc command", values.force, dry));
      actions.push(registerHelm4(folder, root, dry));
    } catch (e) {
      if (e instanceof Conflict)
        throw new FlytemcError([
          error(e.message.split(" exists")[0], "a file that flytemc did not create is in the way", e.message.split("; ")[1] ?? e.message)
        ]);
      throw e;
    }
    const pdir = join(folder, RENDERER);
    for (const old of record.dirs.filter((d) => d !== pdir)) {
      const a = unregisterHelm4(old, dry);
      if (a) actions.push(a);
    }
    if (!dry) writeRecord(dataHome, { links: [...record.links, actions[0].path, actions[1].path], dirs: [pdir] });
    const t = tildify;
    const hints = [];
    if (!onPath(binDir)) hints.push(`${t(binDir)} is not on PATH: add it (export PATH="${binDir}:$PATH") so Helm 3 finds ${RENDERER}`);
    if (shared) {
      hints.push(`Helm 4 finds ${RENDERER} in ${t(folder)} with its default settings.`);
      if (readers.length)
        hints.push(
          `${readers.map((r) => r.bin).join(", ")} (Helm 3) now drop${readers.length === 1 ? "s" : ""} all plugins of ${t(folder)}: --shared --force asked for it.`
        );
    } else {
      const why = values["helm4-dir"] ? "as --helm4-dir asked" : `because ${readers.map((r) => `Helm ${r.version} (${t(r.bin)})`).join(" and ")} read${readers.length === 1 ? "s" : ""} ${t(pluginsFolder)} and would drop all ${readers.length === 1 ? "its" : "their"} plugins`;
      hints.push(
        `the Helm 4 plugin is in ${t(folder)}, ${why}. Helm 4 finds it when that folder is in HELM_PLUGINS; for Helm 4 only, e.g.
    alias helm4='HELM_PLUGINS="${pluginsFolder}${delimiter}${folder}" helm4'
  \`helm flytemc install\` needs none of this. Without a Helm 3 on PATH, setup puts it where Helm 4 looks by default.`
      );
    }
    const data = {
      helm: helm.version,
      pluginDir: root,
      layout: shared ? "shared" : "separate",
      helm4PluginsDir: folder,
      helm3Readers: readers,
      binDir,
      actions,
      hints
    };
    await writeOut(
      render(
        format,
        data,
        () => table(
          ["WHAT", "PATH", "STATUS"],
          actions.map((a) => [a.what, tildify(a.path), a.status])
        ) + `
next:
  ${hints.join("\n  ")}
  then: helm template ... --post-renderer ${RENDERER}   (Helm 3 and Helm 4)
`
      )
    );
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
