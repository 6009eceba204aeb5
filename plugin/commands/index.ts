// The commands of `flytemc` (and `helm flytemc`). Each lives in its own module, loaded only
// when it runs, so `post-render` never loads the Kubernetes client.
export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

export const commands: Record<string, () => Promise<Command>> = {
  'post-render': () => import('./post-render.ts'),
  join: () => import('./join.ts'),
  unjoin: () => import('./unjoin.ts'),
  rotate: () => import('./rotate.ts'),
  check: () => import('./check.ts'),
  install: () => import('./install.ts'),
  validate: () => import('./validate.ts'),
  routes: () => import('./routes.ts'),
  labels: () => import('./labels.ts'),
  setup: () => import('./setup.ts'),
};
