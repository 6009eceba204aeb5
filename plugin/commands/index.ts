// The command table of `flytemc`; each command is loaded only when it runs, so `post-render` never loads the Kubernetes client.
interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

// In the order of a first install: set up, install the data planes, join them, check, install
// the control plane; then the everyday ones.
export const commands: Record<string, () => Promise<Command>> = {
  setup: () => import('./setup.ts'),
  install: () => import('./install.ts'),
  export: () => import('./export.ts'),
  join: () => import('./join.ts'),
  check: () => import('./check.ts'),
  smoke: () => import('./smoke.ts'),
  rbac: () => import('./rbac.ts'),
  validate: () => import('./validate.ts'),
  routes: () => import('./routes.ts'),
  labels: () => import('./labels.ts'),
  cordon: () => import('./cordon.ts'),
  uncordon: () => import('./uncordon.ts'),
  drain: () => import('./drain.ts'),
  rotate: () => import('./rotate.ts'),
  unjoin: () => import('./unjoin.ts'),
  'post-render': () => import('./post-render.ts'),
};

/** The commands that only read: on a refusal they do not say that nothing was written. */
export const READ_ONLY: ReadonlySet<string> = new Set(['validate', 'routes', 'check']);
