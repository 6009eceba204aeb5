// The multi-cluster configuration, typed as schemas/multicluster.schema.json describes it.
import type { At, Problem, Locator } from '../problems/problems.ts';

interface ClusterAuth {
  tokenPath?: string;
  certPath?: string;
  /** Deprecated; never read by FlyteAdmin. */
  type?: 'file_path';
}

interface KubeClientConfig {
  qps?: number;
  burst?: number;
  timeout?: string;
}

/** A client-go exec credential plugin, as a kubeconfig's `users[].user.exec` holds it. */
export interface ExecPlugin {
  apiVersion?: string;
  command: string;
  args?: string[];
  env?: Array<{ name: string; value: string }>;
  provideClusterInfo?: boolean;
}

/** A data plane reached through a local proxy with short-lived credentials (config/credential-proxy.ts). */
export interface CredentialProxy {
  exec: ExecPlugin;
  /** The Kubernetes user name the data plane sees for the proxy's credentials. */
  identity?: string;
  image?: string;
  port?: number;
  /** Written by the post-renderer: the real API server, once `endpoint` points at the proxy. */
  server?: string;
}

export interface ClusterConfig {
  name: string;
  endpoint?: string;
  enabled?: boolean;
  inCluster?: boolean;
  auth?: ClusterAuth;
  kubeClientConfig?: KubeClientConfig;
  credentialProxy?: CredentialProxy;
}

export interface Route {
  id: string;
  weight: number;
}

/** FlyteAdmin's own `clusters` section; the other types are flytemc's. */
export interface Clusters {
  clusterConfigs?: ClusterConfig[];
  labelClusterMap?: Record<string, Route[]>;
  defaultExecutionLabel?: string;
}

export interface Credentials {
  secretName: string;
  mountPath: string;
}

/** How the data planes reach the control plane (`multicluster.controlPlane`). */
export interface ControlPlane {
  adminEndpoint?: string;
  insecure?: boolean;
  catalogEndpoint?: string;
  catalog?: boolean;
  catalogIngress?: boolean;
  clientSecret?: { secretName?: string; clientId?: string };
}

type DataPlaneRbac = 'flyte-core' | 'minimal';

/** One project/domain[/workflow] → execution cluster label (`multicluster.executionLabels`). */
export interface ExecutionLabel {
  project: string;
  domain: string;
  workflow?: string;
  label: string;
}

export interface MulticlusterValues {
  role?: 'control-plane' | 'data-plane';
  clusterName?: string;
  credentials?: Partial<Credentials>;
  clusters?: Clusters;
  credentialProxy?: { image?: string };
  executionLabels?: ExecutionLabel[];
  controlPlane?: ControlPlane;
  dataPlane?: { tokenSecretName?: string; rbac?: DataPlaneRbac };
}

export const DEFAULT_CREDENTIALS: Credentials = { secretName: 'cluster-credentials', mountPath: '/var/run/credentials' };

export const tokenKey = (name: string) => `${name}_token`;
export const caKey = (name: string) => `${name}_cacert`;

/** Where the config came from, to say `file:line` or `object pointer` in errors. */
export interface ConfigSource {
  /** A file path, or an object in the stream. */
  label: string;
  /** The file's text, when there is one, to find lines in. */
  text?: string;
  /** Where in that source the values shown to the schema sit, e.g. `/multicluster`. */
  base: string;
  /** A source in the manifest stream: where it is (its object, or its stream line), for the pointers inside it. */
  at?: At;
}

/** A value with a function that says where a pointer inside it is. */
export interface LocatedValue {
  value: unknown;
  where: Locator;
}

/** A config as found, before it is checked. */
export interface FoundConfig {
  source: ConfigSource;
  form: 'multicluster' | 'flyte-core' | 'stream';
  /** form `multicluster`: the multicluster block; the others: FlyteAdmin's clusters section. */
  raw: unknown;
  /** form `flyte-core` / `stream`: the volumes and mounts that carry the credentials, with their pointers. */
  volumes?: LocatedValue;
  mounts?: LocatedValue;
  /** Problems found while finding it (e.g. keys in the wrong place); checkConfig reports them first. */
  problems?: Problem[];
}

/** A checked config, with defaults filled in: what the patch stage works from. */
export interface Config {
  source: ConfigSource;
  clusters: Clusters & { clusterConfigs: ClusterConfig[]; labelClusterMap: Record<string, Route[]> };
  credentials: Credentials;
  /** The control plane's own options from `multicluster.controlPlane` (catalogIngress). */
  controlPlane?: ControlPlane;
}
