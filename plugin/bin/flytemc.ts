// `flytemc`, also run as `helm flytemc`: dispatches to the command modules.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../generated/version.js';
import { READ_ONLY, commands } from '../commands/index.ts';
import { guard, running, self } from '../cli/shell.ts';
import { EXIT } from '../problems/problems.ts';
import { BUILT, loadPostRenderScript } from './post-render-script.ts';

async function help(): Promise<string> {
  const names = Object.keys(commands);
  const summaries = await Promise.all(names.map(async (n) => (await commands[n]!()).summary));
  const width = Math.max(...names.map((n) => n.length));
  return `flytemc ${VERSION}: run Flyte on many Kubernetes clusters

Usage: flytemc <command> [options]      (or: helm flytemc <command> [options])

Commands:
${names.map((n, i) => `  ${n.padEnd(width)}  ${summaries[i] ?? ''}`).join('\n')}

Run \`flytemc help <command>\` (or \`flytemc <command> --help\`) for a command's options and examples.
Under \`helm flytemc\`, Helm's -n/--namespace, --kube-context, --kubeconfig and --debug apply.
`;
}

function unknown(name: string): number {
  const near = Object.keys(commands).find((n) => n.startsWith(name.slice(0, 3)) || name.startsWith(n));
  process.stderr.write(
    `error: unknown command ${JSON.stringify(name)}\n  fix: ${near ? `did you mean \`${near}\`? ` : ''}run \`${self()} help\` for the list of commands\n`,
  );
  return EXIT.usage;
}

async function main(argv: string[]): Promise<number> {
  // Helm leaves a lone `--` where it took out its own flags (`helm flytemc -- -n x`): drop it
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  // --debug anywhere before `--`, as `helm --debug` (which reaches us as HELM_DEBUG)
  for (let i = args.indexOf('--debug'); i >= 0 && (args.indexOf('--') < 0 || i < args.indexOf('--')); i = args.indexOf('--debug')) {
    args.splice(i, 1);
    process.env.FLYTEMC_DEBUG = '1';
  }
  const [name, ...rest] = args;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (!topic) {
      process.stdout.write(await help());
      return EXIT.ok;
    }
    const load = commands[topic];
    if (!load) return unknown(topic);
    process.stdout.write((await load()).usage);
    return EXIT.ok;
  }
  if (name === '--version' || name === 'version') {
    process.stdout.write(`flytemc ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) return unknown(name);
  running.command = name;
  running.readOnly = READ_ONLY.has(name);
  if (rest.includes('--version') && !rest.includes('--')) {
    process.stdout.write(`flytemc ${VERSION}\n`);
    return EXIT.ok;
  }
  if (name === 'post-render' && BUILT) {
    // the post-renderer's own script and V8 code cache (post-render-script.ts), not its modules
    // loaded one by one: `flytemc post-render` starts as fast as flytemc-post-renderer
    const script = loadPostRenderScript(dirname(fileURLToPath(import.meta.url)), require);
    script.running.command = name;
    return script.run(rest);
  }
  return (await load()).run(rest);
}

// Exit as soon as the command is done: a request to an API server that stopped answering is
// given up on by its timeout but may still hold a socket open, which would keep Node running
// after the error was reported. stdout and stderr are synchronous for files and pipes on Linux
// and macOS, so nothing written is lost. A failure outside a command's own guard (loading it) is
// said masked too, with exit 70.
process.exit(await guard(() => main(process.argv.slice(2))));
