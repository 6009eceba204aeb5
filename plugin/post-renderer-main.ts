// `flytemc-post-renderer`: the program Helm runs with --post-renderer. It is `flytemc
// post-render` without the sub-command word, so Helm 3 (an executable on PATH) and Helm 4
// (a postrenderer/v1 plugin) call the same code.
import { run } from './commands/post-render.ts';

process.exitCode = await run(process.argv.slice(2));
