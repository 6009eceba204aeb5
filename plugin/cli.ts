// `flytemc`, also run as `helm flytemc`: dispatches to the command modules.
import { commands } from './commands/index.ts';
import { EXIT } from './shell.ts';

const VERSION = '0.1.0';

function help(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return `flytemc ${VERSION}: run Flyte on many Kubernetes clusters

Usage: flytemc <command> [options]      (or: helm flytemc <command> [options])

Commands:
${names.map((n) => `  ${n.padEnd(width)}  ${summaries[n] ?? ''}`).join('\n')}

Run \`flytemc <command> --help\` for a command's options and examples.
`;
}

const summaries: Record<string, string> = {};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    for (const n of Object.keys(commands)) summaries[n] = (await commands[n]!()).summary;
    process.stdout.write(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === 'version') {
    process.stdout.write(`flytemc ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`error: unknown command ${JSON.stringify(name)}\nrun \`flytemc --help\` for the list of commands\n`);
    return EXIT.usage;
  }
  return (await load()).run(rest);
}

// Exit as soon as the command is done: a request to an API server that stopped answering is
// given up on by its timeout but may still hold a socket open, which would keep Node running
// after the error was reported. stdout and stderr are synchronous for files and pipes on Linux
// and macOS, so nothing written is lost.
process.exit(await main(process.argv.slice(2)));
