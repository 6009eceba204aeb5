// Inputs for the benchmarks, generated (deterministically) into bench/results/work/:
//  - streams of N documents: flyte-core's rendered control plane first, then filler objects of a
//    realistic size (ConfigMaps, Services, Deployments, ServiceAccounts, Secrets, as a big
//    umbrella release would render them), about 1.5 KB a document like flyte-core's own, so
//    5,000 documents are about 7.7 MB;
//  - configs with N clusters (the flyte-multicluster chart's `multicluster:` values block).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERED } from '../scripts/shared.mjs';

export const CONTROLPLANE = join(RENDERED, 'controlplane.yaml');
export const THREE_CLUSTERS = new URL('../test/fixtures/three-clusters.yaml', import.meta.url).pathname;

const pad = (i: number, w = 5) => String(i).padStart(w, '0');

function labels(app: string, indent: string): string {
  return [
    `${indent}app.kubernetes.io/name: ${app}`,
    `${indent}app.kubernetes.io/instance: flyte`,
    `${indent}app.kubernetes.io/part-of: platform`,
    `${indent}helm.sh/chart: platform-1.4.2`,
    `${indent}app.kubernetes.io/managed-by: Helm`,
  ].join('\n');
}

function configMap(i: number): string {
  const app = `svc-${pad(i)}`;
  return `---
# Source: platform/templates/${app}/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: flyte
  labels:
${labels(app, '    ')}
data:
  LOG_LEVEL: "info"
  FEATURE_FLAGS: "alpha=false,beta=true,gamma=${i % 2 === 0}"
  config.yaml: |
    server:
      httpPort: ${8000 + (i % 1000)}
      grpcPort: ${9000 + (i % 1000)}
      readTimeout: 30s
      writeTimeout: 30s
    storage:
      type: s3
      container: "bucket-${pad(i)}"
      connection:
        endpoint: http://minio.flyte.svc.cluster.local:9000
        region: us-east-1
        auth-type: iam
    cache:
      maxSizeMBs: ${64 + (i % 64)}
      targetGCPercent: 70
    logger:
      show-source: true
      level: ${i % 5}
    tasks:
      task-plugins:
        enabled-plugins:
          - container
          - sidecar
          - k8s-array
        default-for-task-types:
          container: container
          sidecar: sidecar
          container_array: k8s-array
    queues:
      executionQueues:
        - parallelism: ${1 + (i % 8)}
          dynamic: "queue-${pad(i)}"
          attributes:
            - all
      workflowConfigs:
        - project: flytesnacks
          domain: development
          tags:
            - "team-${i % 17}"
  routes.yaml: |
    routes:
      - match: /api/v1/projects
        backend: svc-${pad(i)}:${8000 + (i % 1000)}
        timeout: 15s
        retries: 3
      - match: /api/v1/executions
        backend: svc-${pad(i)}:${8000 + (i % 1000)}
        timeout: 60s
        retries: 1
      - match: /api/v1/tasks
        backend: svc-${pad(i)}:${9000 + (i % 1000)}
        timeout: 15s
        retries: 3
      - match: /healthcheck
        backend: svc-${pad(i)}:${8000 + (i % 1000)}
        timeout: 1s
        retries: 0
  extra.json: '{"replicas": ${1 + (i % 3)}, "tier": "backend", "owner": "team-${i % 17}"}'
`;
}

function service(i: number): string {
  const app = `svc-${pad(i)}`;
  return `---
# Source: platform/templates/${app}/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: flyte
  labels:
${labels(app, '    ')}
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/port: "10254"
spec:
  type: ClusterIP
  ports:
  - name: http
    port: 80
    protocol: TCP
    targetPort: ${8000 + (i % 1000)}
  - name: grpc
    port: 81
    protocol: TCP
    targetPort: ${9000 + (i % 1000)}
  - name: metrics
    port: 10254
    protocol: TCP
    targetPort: 10254
  selector:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/instance: flyte
`;
}

function deployment(i: number): string {
  const app = `svc-${pad(i)}`;
  return `---
# Source: platform/templates/${app}/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: flyte
  labels:
${labels(app, '    ')}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
      app.kubernetes.io/instance: flyte
  template:
    metadata:
      annotations:
        configChecksum: "${((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(8).slice(0, 63)}"
      labels:
${labels(app, '        ')}
    spec:
      tolerations:
      - key: dedicated
        operator: Equal
        value: platform
        effect: NoSchedule
      - key: node.kubernetes.io/not-ready
        operator: Exists
        effect: NoExecute
        tolerationSeconds: 300
      nodeSelector:
        kubernetes.io/os: linux
        node.kubernetes.io/instance-type: m5.xlarge
      securityContext:
        fsGroup: 65534
        runAsUser: 1001
        fsGroupChangePolicy: "Always"
      containers:
      - command:
        - ${app}
        - --config
        - /etc/${app}/config/*.yaml
        - serve
        image: "cr.example.com/platform/${app}:v1.${i % 40}.${i % 7}"
        imagePullPolicy: "IfNotPresent"
        name: ${app}
        ports:
        - containerPort: ${8000 + (i % 1000)}
        - containerPort: ${9000 + (i % 1000)}
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: GOMAXPROCS
          value: "2"
        livenessProbe:
          httpGet:
            path: /healthcheck
            port: ${8000 + (i % 1000)}
          initialDelaySeconds: 10
          periodSeconds: 20
        readinessProbe:
          httpGet:
            path: /healthcheck
            port: ${8000 + (i % 1000)}
          initialDelaySeconds: 5
          periodSeconds: 10
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
        resources:
          limits:
            cpu: 250m
            ephemeral-storage: 100Mi
            memory: 500Mi
          requests:
            cpu: 10m
            ephemeral-storage: 50Mi
            memory: 50Mi
        volumeMounts:
        - mountPath: /etc/${app}/config
          name: config-volume
      serviceAccountName: ${app}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
                  app.kubernetes.io/name: ${app}
      volumes:
      - configMap:
          name: ${app}-config
        name: config-volume
`;
}

function serviceAccount(i: number): string {
  const app = `svc-${pad(i)}`;
  return `---
# Source: platform/templates/${app}/rbac.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app}
  namespace: flyte
  labels:
${labels(app, '    ')}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/platform-${app}
`;
}

function secret(i: number): string {
  const app = `svc-${pad(i)}`;
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return `---
# Source: platform/templates/${app}/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: ${app}-secrets
  namespace: flyte
type: Opaque
data:
  username: ${b64(`user-${i}`)}
  password: ${b64(`p4ssw0rd-${(i * 7919) % 100003}`)}
  token: ${b64(`tok-${pad(i)}-`.repeat(6))}
`;
}

const FILLERS = [configMap, service, deployment, serviceAccount, configMap, service, secret, deployment];

/** flyte-core's control plane plus filler objects: `docs` documents in all. */
export function stream(docs: number, base = readFileSync(CONTROLPLANE, 'utf8')): string {
  const baseDocs = base.split(/^---\s*$/m).filter((s) => s.trim() !== '').length;
  const parts = [base.endsWith('\n') ? base : base + '\n'];
  for (let i = 0; i < docs - baseDocs; i++) parts.push(FILLERS[i % FILLERS.length]!(i));
  return parts.join('');
}

/** A values file with `clusters` clusters, two thirds of them routed by labels, every third with kubeClientConfig. */
export function clustersConfig(clusters: number): string {
  const lines = [
    '# generated by bench/gen.ts',
    'multicluster:',
    '  credentials:',
    '    secretName: cluster-credentials',
    '    mountPath: /var/run/credentials',
    '  clusters:',
    '    clusterConfigs:',
  ];
  for (let i = 1; i <= clusters; i++) {
    lines.push(`      - name: cluster_${i}`, `        endpoint: https://10.${(i >> 8) & 255}.${i & 255}.1:6443`, '        enabled: true');
    if (i % 3 === 0) lines.push('        kubeClientConfig:', '          qps: 100', '          burst: 200', '          timeout: 30s');
  }
  lines.push('    labelClusterMap:');
  const teams = Math.max(1, Math.ceil(clusters / 3));
  for (let t = 0; t < teams; t++) {
    lines.push(`      team${t}:`);
    for (const i of [3 * t + 1, 3 * t + 2]) if (i <= clusters) lines.push(`        - id: cluster_${i}`, '          weight: 0.5');
  }
  lines.push('    defaultExecutionLabel: team0', '');
  return lines.join('\n');
}
