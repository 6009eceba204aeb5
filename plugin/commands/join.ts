// `flytemc join CONTEXT... --kube-context HUB`: each data plane's token and CA into the control plane's credentials Secret (steps: cluster/join.ts).
import { EXIT, UsageError } from '../problems/problems.ts';
import { commandLine, guard, printWarnings } from '../cli/shell.ts';
import { writeOut } from '../cli/stdio.ts';
import { CHANGE_OPTIONS, TOKEN_TIMEOUT, checkName, namespaceLine, parseRoute, sessionOptions } from './cluster-flags.ts';

export const summary = 'join data-plane clusters: ServiceAccount, RBAC and token in each (or --auth: a credential proxy), token + CA into the control plane';
export const usage = `Usage: flytemc join CONTEXT... --kube-context HUB [options]
       helm flytemc join CONTEXT... [options]          (the hub defaults to Helm's current context)

For each data-plane CONTEXT of your kubeconfig: ensures ServiceAccount flyteadmin, ClusterRole
and ClusterRoleBinding <namespace>-flyteadmin and the token Secret flyteadmin-token; waits for
kube-controller-manager to issue the token; proves token + CA against the endpoint (TLS
verified, authenticated, every permission FlyteAdmin uses); only then writes <name>_token and
<name>_cacert into the hub's credentials Secret (other keys are kept, also under concurrent
joins). Refuses one physical cluster under two names, and a name other than the one the member's
flytepropeller reports (its --propeller.cluster-id; --force joins it anyway, with a warning).
What FlyteAdmin needs comes from the control plane's cluster-resource templates: --values FILE's,
else the hub's deployed ones, else flyte-core's. Your kubeconfig may use any credentials
(exec plugins, client certificates): only the ServiceAccount token and the CA reach the hub.
On a bare cluster, what join creates carries Helm's ownership labels and annotations for the
data plane's release (--release, in the namespace: the defaults of \`install data-plane\`), so a
later \`helm flytemc install data-plane\` adopts it, and flytemc's own marker, so that unjoin deletes
only what join created and no release adopted. When the data plane's flytepropeller runs in
another namespace than -n, join says so and stops (--force: a warning). Re-running changes nothing.

With --auth eks|gke|exec, the data plane is reached without a long-lived token: FlyteAdmin talks
to a credential proxy (\`kubectl proxy\`, a native sidecar of its pods, Kubernetes 1.29+) that gets
short-lived credentials from a client-go exec plugin with the pods' own identity (EKS IRSA or Pod
Identity, GKE workload identity, or any plugin). Join then binds the ClusterRole to that identity
(--identity; no token Secret), proves the API server over TLS with the CA and the identity's
permissions by SubjectAccessReview, writes only <name>_cacert into the hub, records the cluster
with its credentialProxy in --values, and prints the cloud side (IAM role and access entry, or
workload-identity binding) for you to run: flytemc never calls a cloud.

With --secret-out FILE (GitOps), every step and proof runs as above, but the hub is never
contacted: the credentials Secret goes to FILE as a manifest (mode 0600), to seal (kubeseal),
encrypt (sops) or load into a secret store before it reaches git; --merge keeps the other
clusters' keys already in FILE. \`kubectl apply --server-side -f FILE\` (or its sealed form)
gives the hub the Secret join would have written, and \`flytemc check\` proves it.

Options:
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  --name NAME          the cluster's name in FlyteAdmin (default: the context name; one CONTEXT only)
  --label L[=WEIGHT]   route execution cluster label L to the cluster (weight 0..1, default 1); repeatable
  --no-pin-label       do not add the label pin-<name> that routes to this cluster alone (\`smoke\`
                       sends one execution to each cluster through it; no other label's routing changes)
  --endpoint URL       the API server URL as the control plane reaches it (default: the kubeconfig's; one CONTEXT only)
  -n, --namespace NS   FlyteAdmin's namespace in the hub and flyteadmin's in the data planes
                       (default: flyte; helm flytemc: Helm's namespace, so -n default is default)
  --release NAME       the data plane's Helm release that will adopt what join creates (default flyte)
  --values FILE        record the clusters and routes in FILE's multicluster.clusters (else print the snippet)
  --restart            roll Deployments flyteadmin and syncresources in the hub when its Secret changed
  --rbac MODE          flyte-core (default: flyte-core's ClusterRole) or minimal (exactly what the
                       templates and FlyteWorkflow objects need; see \`flytemc rbac\`)
  --auth MODE          token (default: a long-lived ServiceAccount token), or a credential proxy
                       with short-lived credentials: eks (aws eks get-token; --region), gke
                       (gke-gcloud-auth-plugin; --gcp-service-account), exec (--exec-command)
  --identity USER      the Kubernetes user name of the proxy's credentials, bound to the ClusterRole
                       (eks: flytemc-flyteadmin, the access entry's username; gke: the service
                       account's email; exec: required, e.g. system:serviceaccount:flyte:flyteadmin)
  --region REGION      --auth eks: the data plane's AWS region
  --eks-cluster NAME   --auth eks: the data plane's EKS cluster name (default: --name)
  --gcp-service-account EMAIL  --auth gke: the Google service account FlyteAdmin's pods act as
  --exec-command CMD   --auth exec: the exec plugin's program (in the proxy's image)
  --exec-arg ARG       --auth exec: one of its arguments; repeatable
  --exec-env NAME=VALUE  --auth exec: one of its environment variables (never a secret); repeatable
  --proxy-image IMAGE  the proxy's image for this cluster (kubectl and the plugin; else the control
                       plane's multicluster.credentialProxy.image)
  --proxy-port PORT    its loopback port in FlyteAdmin's pods (default 17101 and up; one CONTEXT only)
  --force              join although the member's flytepropeller reports another cluster name, or
                       runs in another namespace
  --secret-out FILE    write the credentials Secret manifest to FILE instead of the hub (not contacted)
  --merge              with --secret-out: keep the other clusters' keys already in FILE
  --dry-run            print the plan and a diff (tokens masked); change nothing
  --kubeconfig PATH    kubeconfig to use (default: $KUBECONFIG, ~/.kube/config)
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 15s)
  --token-timeout DUR  how long to wait for the token controller (default 60s)
  --parallel N         clusters joined at once (default 4)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 joined (or nothing to do); 1 a values file is wrong,
before any cluster is touched; 2 the command line is wrong, or the kubeconfig (none, no such
context, a cluster that skips TLS verification without --insecure-skip-tls-verify); 3 a cluster
failed (unreachable, TLS, token, permissions, the token controller, the same cluster under another
name, a flytepropeller reporting another name or running in another namespace, a concurrent rotate
that changed the token meanwhile, an --auth identity without the permissions FlyteAdmin needs);
70 a bug in flytemc.

Examples:
  flytemc join dp-us-east-1 dp-eu-west-1 --kube-context cp --label team1=0.5 --values values-cp.yaml --restart
  flytemc join gke_proj_europe-west1_dp1 --name dp1 --kube-context cp --dry-run
  flytemc join dp1 --kube-context cp --rbac minimal --values values-cp.yaml
  helm --kube-context cp flytemc join dp-us-east-1 --label default
  flytemc join dp1 --label team1 --values values-cp.yaml --secret-out cluster-credentials.yaml --merge
  kubeseal --format yaml < cluster-credentials.yaml > sealed-cluster-credentials.yaml
  flytemc join dp-us-east-1 --kube-context cp --auth eks --region us-east-1 --proxy-image registry.example.com/kubectl-aws:1.32 --values values-cp.yaml
  flytemc join gke_proj_europe-west1_dp1 --name dp1 --kube-context cp --auth gke --gcp-service-account flyteadmin@proj.iam.gserviceaccount.com --dry-run
`;

const OPTIONS = {
  ...CHANGE_OPTIONS,
  ...TOKEN_TIMEOUT,
  label: { type: 'string', multiple: true },
  'no-pin-label': { type: 'boolean', default: false },
  endpoint: { type: 'string' },
  values: { type: 'string' },
  restart: { type: 'boolean', default: false },
  parallel: { type: 'string' },
  rbac: { type: 'string' },
  force: { type: 'boolean', default: false },
  'secret-out': { type: 'string' },
  merge: { type: 'boolean', default: false },
  release: { type: 'string' },
  auth: { type: 'string', default: 'token' },
  identity: { type: 'string' },
  region: { type: 'string' },
  'eks-cluster': { type: 'string' },
  'gcp-service-account': { type: 'string' },
  'exec-command': { type: 'string' },
  'exec-arg': { type: 'string', multiple: true },
  'exec-env': { type: 'string', multiple: true },
  'proxy-image': { type: 'string' },
  'proxy-port': { type: 'string' },
} as const;

type Flags = ReturnType<typeof commandLine<typeof OPTIONS>>['values'];

/** Refuses flags that do not go together; returns --parallel. */
function checkFlags(v: Flags, positionals: string[]): number {
  if (positionals.length === 0) throw new UsageError('name at least one data-plane CONTEXT of your kubeconfig');
  if (new Set(positionals).size !== positionals.length) throw new UsageError('a CONTEXT is named twice');
  if (positionals.length > 1 && v.name) throw new UsageError('--name applies to one CONTEXT; with several, each cluster is named after its context');
  if (positionals.length > 1 && v.endpoint) throw new UsageError('--endpoint applies to one CONTEXT');
  const parallel = v.parallel === undefined ? 4 : Number(v.parallel);
  if (!Number.isInteger(parallel) || parallel < 1) throw new UsageError('--parallel must be a whole number from 1');
  if (v.rbac !== undefined && v.rbac !== 'minimal' && v.rbac !== 'flyte-core')
    throw new UsageError(`--rbac ${JSON.stringify(v.rbac)}: use flyte-core or minimal`);
  if (v.merge && !v['secret-out']) throw new UsageError('--merge goes with --secret-out FILE');
  if (v['secret-out'] && v.restart)
    throw new UsageError(
      '--restart restarts FlyteAdmin in the hub, which --secret-out never contacts: restart it once the Secret is applied (a helm upgrade that changes the cluster list does)',
    );
  if (positionals.length > 1 && v['proxy-port']) throw new UsageError('--proxy-port applies to one CONTEXT (each proxy needs its own port)');
  return parallel;
}

/** One request per CONTEXT: its name, endpoint, routes (with its pin label) and credential proxy. */
async function requestsOf(v: Flags, positionals: string[]) {
  const routes = (v.label ?? []).map(parseRoute);
  const { pinLabel } = await import('../config/routes.ts');
  const { proxyJoin } = await import('../config/workload-identity.ts');
  const requests = positionals.map((context) => {
    const name = checkName(v.name ?? context, v.name ? '--name' : 'context');
    const pin = v['no-pin-label'] || routes.some((r) => r.label === pinLabel(name)) ? [] : [{ label: pinLabel(name), weight: 1 }];
    const proxy = proxyJoin({ ...v, auth: v.auth, name });
    return { context, name, ...(v.endpoint ? { endpoint: v.endpoint } : {}), routes: [...routes, ...pin], ...(proxy ? { proxy } : {}) };
  });
  const names = requests.map((r) => r.name);
  if (new Set(names).size !== names.length) throw new UsageError('two CONTEXTs give the same cluster name');
  return requests;
}

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v, positionals } = commandLine(argv, OPTIONS, true);
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const parallel = checkFlags(v, positionals);
    const requests = await requestsOf(v, positionals);
    const secretOut = v['secret-out'];
    const secretName = v.values ? await secretNameFromValues(v.values) : undefined;
    const { openSession, notedIn } = await import('../cluster/session.ts');
    const session = await openSession(sessionOptions(v, { secretName, members: positionals, withHub: !secretOut }));
    await writeOut(namespaceLine(session.namespace, session.namespaceFrom, secretOut ? undefined : notedIn(session, session.hubContext, session.hubContext)));
    const { joinClusters, joinFailures, joinSummary } = await import('../cluster/join.ts');
    const report = await joinClusters(
      requests,
      {
        parallel,
        ...(v.release ? { release: checkName(v.release, '--release') } : {}),
        force: v.force,
        ...(v.rbac ? { rbac: v.rbac as 'flyte-core' | 'minimal' } : {}),
        ...(v.values ? { valuesFile: v.values } : {}),
        restart: v.restart,
        ...(secretOut ? { secretOut: { path: secretOut, merge: v.merge } } : {}),
      },
      session,
    );
    await writeOut(
      joinSummary(report, { requested: requests.length, ...(v.values ? { values: v.values } : {}), ...(secretOut ? { secretOut } : {}) }, session),
    );
    printWarnings(report.warnings);
    if (report.failures.length) process.stderr.write(joinFailures(report, requests.length));
    return report.exitCode;
  });
}

async function secretNameFromValues(path: string): Promise<string | undefined> {
  const { readValuesFileIfPresent } = await import('../config/from-values.ts');
  const values = readValuesFileIfPresent(path) as { multicluster?: { credentials?: { secretName?: unknown } } } | null | undefined;
  const s = values?.multicluster?.credentials?.secretName;
  return typeof s === 'string' ? s : undefined;
}
