// The command line of `install`: its own options taken out, every other word kept for Helm in order.
import { UsageError } from '../problems/problems.ts';
import type { Cloud, Role } from './chart-files.ts';

export interface InstallArgs {
  role: Role;
  cloud?: Cloud;
  name?: string;
  adminEndpoint?: string;
  release: string;
  namespace?: string;
  kubeContext?: string;
  chart?: string;
  template: boolean;
  print: boolean;
  debug?: boolean;
  /** Every other word, in order, for Helm to judge. */
  pass: string[];
}

/** install's own options that take a value, and the field each sets. */
const OWN_VALUE: Record<string, 'cloud' | 'name' | 'adminEndpoint' | 'release' | 'namespace' | 'kubeContext' | 'chart'> = {
  '--cloud': 'cloud',
  '--name': 'name',
  '--admin-endpoint': 'adminEndpoint',
  '--release': 'release',
  '-n': 'namespace',
  '--namespace': 'namespace',
  '--kube-context': 'kubeContext',
  '--chart': 'chart',
};
const OWN_FLAG: Record<string, 'template' | 'print' | 'debug'> = { '--template': 'template', '--print': 'print', '--debug': 'debug' };

/** `--cloud`: eks or gcp; `aws` is the upstream guide's mistake, refused with the fix. */
export function checkCloud(v: string): Cloud {
  if (v === 'aws') throw new UsageError('--cloud aws: there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS', 'use --cloud eks');
  if (v !== 'eks' && v !== 'gcp') throw new UsageError(`--cloud ${JSON.stringify(v)}: use eks or gcp`);
  return v;
}

function parseRole(role: string | undefined): Role {
  if (role === 'control-plane' || role === 'data-plane') return role;
  throw new UsageError(
    role === undefined ? 'say what to install: control-plane or data-plane' : `unknown role ${JSON.stringify(role)}: use control-plane or data-plane`,
  );
}

/** A word that is not install's: refused when Helm must not get it, else kept for Helm. */
function helmWord(a: string, next: string | undefined, optionBefore: boolean): void {
  if (a === '--post-renderer' || a.startsWith('--post-renderer='))
    throw new UsageError('install sets --post-renderer itself; to add arguments use --post-renderer-args');
  if (a === '--create-namespace' && next !== undefined && !next.startsWith('-')) {
    // the one Helm flag install knows by name: the upstream guide's `--create-namespace flyte`
    throw new UsageError(
      `--create-namespace ${next}: --create-namespace is a flag and takes no value, so ${JSON.stringify(next)} would become a stray argument and \`helm upgrade\` would fail (the upstream guide's mistake)`,
      `use --namespace ${next} --create-namespace`,
    );
  }
  if (!a.startsWith('-') && !optionBefore)
    throw new UsageError(
      `stray argument ${JSON.stringify(a)}: install passes the release and the chart to Helm itself`,
      /\.ya?ml$/.test(a) ? `pass values files with -f: -f ${a}` : 'remove it, or use --release NAME / --chart PATH',
    );
}

/** What the role forbids or needs, and the values that must be well formed. */
function checkInstallArgs(p: InstallArgs): void {
  if (p.role === 'data-plane' && !p.name)
    throw new UsageError(
      'a data plane needs its cluster name: FlyteAdmin drops events from a data plane whose flytepropeller.clusterName differs from its clusterConfigs name',
      'add --name NAME (the name the control plane lists it under, e.g. --name dp1)',
    );
  if (p.role === 'control-plane' && p.name) throw new UsageError('--name is for data planes; a control plane lists its data planes in multicluster.clusters');
  if (p.role === 'control-plane' && p.adminEndpoint)
    throw new UsageError("--admin-endpoint is for data planes: it tells their flytepropeller where this control plane's FlyteAdmin is");
  if (p.adminEndpoint !== undefined && !/^(dns:\/\/\/)?[A-Za-z0-9.\-[\]:]+$/.test(p.adminEndpoint))
    throw new UsageError(
      `--admin-endpoint ${p.adminEndpoint}: not a gRPC address flytepropeller can dial`,
      'write it as dns:///HOST:PORT, e.g. --admin-endpoint dns:///flyte.example.com:443 (no https://)',
    );
  if (p.name !== undefined && /[,=\s{}[\]]/.test(p.name))
    throw new UsageError(`--name ${JSON.stringify(p.name)}: a cluster name cannot contain ',', '=', spaces or brackets`);
}

/**
 * The command line: install's own options are taken out, every other word goes to Helm
 * untouched and in order, for Helm to judge (a table of Helm's flags would go stale: Helm 4
 * made some value flags boolean). So a word right after a Helm option may be its value and
 * passes too; a bare word where no option can claim it (right after the role, after one of
 * install's own options, after `--flag=value`) is a stray argument, refused with the fix.
 */
export function parseInstallArgs(argv: string[]): InstallArgs {
  const args = [...argv];
  const p: InstallArgs = { role: parseRole(args.shift()), release: 'flyte', template: false, print: false, pass: [] };
  /** Whether the word before may be a Helm option waiting for its value. */
  let optionBefore = false;
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      p.pass.push(...args.splice(0));
      break;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const field = OWN_VALUE[flag];
    if (field) {
      const v = inline ?? args.shift();
      if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new UsageError(`${flag} needs a value`);
      if (field === 'cloud') p.cloud = checkCloud(v);
      else p[field] = v;
    } else if (OWN_FLAG[a]) p[OWN_FLAG[a]] = true;
    else {
      helmWord(a, args[0], optionBefore);
      p.pass.push(a);
      optionBefore = a.startsWith('-') && inline === undefined && !/^-[A-Za-z]./.test(a);
      continue;
    }
    optionBefore = false;
  }
  checkInstallArgs(p);
  return p;
}

/** The values files among Helm's arguments (-f FILE, -fFILE, --values FILE, --values=FILE), local ones only. */
export function valuesFilesOf(pass: string[]): string[] {
  const out: string[] = [];
  pass.forEach((a, i) => {
    const m = /^(?:-f|--values)(?:=(.+))?$/.exec(a) ?? /^-f(.+)$/.exec(a);
    const f = m ? (m[1] ?? pass[i + 1]) : undefined;
    if (f) out.push(...f.split(','));
  });
  return out.filter((f) => f !== '-' && !/^[a-z]+:\/\//.test(f));
}
