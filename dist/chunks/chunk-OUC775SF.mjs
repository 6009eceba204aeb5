#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  nearest
} from "./chunk-PWPBOTUG.mjs";
import {
  coded
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  escapeSegment
} from "./chunk-C2L5FP4Q.mjs";
import {
  error,
  warning
} from "./chunk-PXOMBRJH.mjs";

// plugin/generated/flyte-core-keys.js
var FLYTE_CORE = { "version": "v1.16.8", "tree": { "flyteadmin": { "enabled": 0, "replicaCount": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "env": 0, "envFrom": 0, "readinessProbe": 0, "livenessProbe": 0, "resources": 0, "strategy": 0, "autoscaling": { "enabled": 0, "minReplicas": 0, "maxReplicas": 0, "metrics": 0 }, "configPath": 0, "initialProjects": 0, "service": { "appProtocols": { "enabled": 0 }, "annotations": 0, "type": 0, "loadBalancerSourceRanges": 0, "additionalPorts": 0 }, "serviceAccount": { "create": 0, "alwaysCreate": 0, "annotations": 0, "imagePullSecrets": 0, "createClusterRole": 0, "rbac": 0, "rbacScope": 0, "clusterRole": 0, "rbacRules": { "apiGroups": 0, "resources": 0, "verbs": 0 } }, "annotations": 0, "podAnnotations": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "secrets": 0, "additionalVolumes": 0, "additionalVolumeMounts": 0, "additionalContainers": 0, "extraArgs": 0, "priorityClassName": 0, "securityContext": 0, "serviceMonitor": { "enabled": 0, "interval": 0, "scrapeTimeout": 0, "labels": 0 } }, "flytescheduler": { "runPrecheck": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "resources": 0, "strategy": 0, "configPath": 0, "serviceAccount": { "create": 0, "annotations": 0, "imagePullSecrets": 0 }, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "secrets": 0, "additionalVolumes": 0, "additionalVolumeMounts": 0, "additionalContainers": 0, "priorityClassName": 0, "securityContext": 0, "service": { "enabled": 0, "type": 0 }, "serviceMonitor": { "enabled": 0, "labels": 0, "interval": 0, "scrapeTimeout": 0 } }, "datacatalog": { "enabled": 0, "replicaCount": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "resources": 0, "strategy": 0, "autoscaling": { "enabled": 0, "minReplicas": 0, "maxReplicas": 0, "metrics": 0 }, "configPath": 0, "service": { "annotations": 0, "type": 0, "additionalPorts": 0, "clusterIP": 0 }, "serviceMonitor": { "enabled": 0, "labels": 0, "interval": 0, "scrapeTimeout": 0 }, "serviceAccount": { "create": 0, "annotations": 0, "imagePullSecrets": 0 }, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "additionalVolumes": 0, "additionalVolumeMounts": 0, "additionalContainers": 0, "extraArgs": 0, "priorityClassName": 0, "securityContext": 0 }, "flyteconnector": { "nameOverride": 0, "fullnameOverride": 0, "commonLabels": 0, "commonAnnotations": 0, "connectorSecret": { "secretData": 0 }, "replicaCount": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "ports": { "containerPort": 0, "name": 0 }, "resources": 0, "configPath": 0, "service": { "annotations": 0, "type": 0 }, "serviceAccount": { "create": 0, "annotations": 0, "imagePullSecrets": 0 }, "rbac": { "enabled": 0, "rules": 0 }, "podSecurityContext": 0, "readinessProbe": 0, "securityContext": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "additionalVolumes": 0, "additionalVolumeMounts": 0, "additionalContainers": 0, "extraArgs": 0, "priorityClassName": 0, "forceNamespace": 0, "global": 0, "enabled": 0, "plugin_config": 0 }, "flytepropeller": { "enabled": 0, "manager": 0, "createCRDs": 0, "replicaCount": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "resources": 0, "strategy": 0, "manager_resources": { "resources": 0 }, "terminationMessagePolicy": 0, "configPath": 0, "serviceAccount": { "create": 0, "annotations": 0, "imagePullSecrets": 0, "rbacScope": 0, "rbacRules": 0 }, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "additionalVolumes": 0, "additionalVolumeMounts": 0, "additionalContainers": 0, "extraArgs": 0, "clusterName": 0, "priorityClassName": 0, "securityContext": 0, "service": { "enabled": 0, "additionalPorts": 0 }, "serviceMonitor": { "enabled": 0, "labels": 0, "interval": 0, "scrapeTimeout": 0 }, "prometheus": { "enabled": 0 } }, "flyteconsole": { "enabled": 0, "replicaCount": 0, "image": { "repository": 0, "tag": 0, "pullPolicy": 0 }, "resources": 0, "strategy": 0, "autoscaling": { "enabled": 0, "minReplicas": 0, "maxReplicas": 0, "metrics": 0 }, "service": { "appProtocols": { "enabled": 0 }, "annotations": 0, "type": 0 }, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "tolerations": 0, "affinity": 0, "ga": { "enabled": 0, "tracking_id": 0 }, "priorityClassName": 0, "imagePullSecrets": 0, "securityContext": 0, "serviceMonitor": { "enabled": 0, "interval": 0, "scrapeTimeout": 0, "labels": 0 }, "livenessProbe": 0, "readinessProbe": 0 }, "deployRedoc": 0, "secrets": { "adminOauthClientCredentials": { "enabled": 0, "clientSecret": 0, "clientId": 0, "secretName": 0 } }, "webhook": { "enabled": 0, "priorityClassName": 0, "serviceAccount": { "create": 0, "annotations": 0, "imagePullSecrets": 0, "rbacScope": 0, "rbacRules": 0 }, "service": { "annotations": 0, "type": 0 }, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "affinity": 0, "topologySpreadConstraints": 0, "nodeSelector": 0, "securityContext": 0, "resources": 0, "strategy": 0, "autoscaling": { "enabled": 0, "minReplicas": 0, "maxReplicas": 0, "metrics": 0 }, "prometheus": { "enabled": 0 } }, "common": { "databaseSecret": { "name": 0, "secretManifest": 0 }, "ingress": { "ingressClassName": 0, "enabled": 0, "webpackHMR": 0, "separateGrpcIngress": 0, "separateGrpcIngressAnnotations": 0, "annotations": 0, "albSSLRedirect": 0, "tls": { "enabled": 0, "secretName": 0 }, "host": 0 }, "flyteNamespaceTemplate": { "enabled": 0 } }, "storage": { "secretName": 0, "type": 0, "bucketName": 0, "s3": { "endpoint": 0, "region": 0, "authType": 0, "accessKey": 0, "secretKey": 0 }, "gcs": 0, "custom": 0, "enableMultiContainer": 0, "limits": { "maxDownloadMBs": 0 }, "cache": { "maxSizeMBs": 0, "targetGCPercent": 0 } }, "db": { "datacatalog": 0, "admin": 0 }, "configmap": { "clusters": 0, "console": 0, "domain": 0, "otel": 0, "schedulerConfig": 0, "adminServer": 0, "datacatalogServer": 0, "task_resource_defaults": 0, "admin": 0, "catalog": 0, "copilot": 0, "core": 0, "enabled_plugins": 0, "k8s": 0, "remoteData": 0, "resource_manager": 0, "task_logs": 0, "logger": 0, "namespace_config": 0, "clusterpool_config": 0 }, "workflow_scheduler": { "enabled": 0, "config": 0, "type": 0 }, "workflow_notifications": { "enabled": 0, "config": 0 }, "external_events": 0, "cloud_events": 0, "cluster_resource_manager": { "enabled": 0, "standaloneDeployment": 0, "service_account_name": 0, "annotations": 0, "podAnnotations": 0, "podEnv": 0, "podLabels": 0, "nodeSelector": 0, "resources": 0, "strategy": 0, "config": 0, "prometheus": { "enabled": 0, "port": 0 }, "templates": 0, "standalone_deploy": 0 }, "sparkoperator": { "enabled": 0, "plugin_config": 0 }, "daskoperator": { "enabled": 0 }, "databricks": { "enabled": 0, "plugin_config": 0 }, "nameOverride": 0, "forceNamespace": 0, "userSettings": { "accountRegion": 0, "accountNumber": 0, "certificateArn": 0, "dbPassword": 0, "bucketName": 0, "rdsHost": 0, "rawDataBucketName": 0, "redisHostUrl": 0, "redisHostKey": 0, "logGroup": 0, "googleProjectId": 0, "hostName": 0, "dbHost": 0 }, "global": 0 } };

// plugin/config/flyte-core-keys.ts
function templateRefs(v, out) {
  if (typeof v === "string") for (const m of v.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)) out.add((m[1] ?? "").slice(1));
  else if (Array.isArray(v)) for (const x of v) templateRefs(x, out);
  else if (isObject(v)) for (const x of Object.values(v)) templateRefs(x, out);
  return out;
}
function unknownCoreKeys(core, at, severity, alsoRefs = []) {
  if (!FLYTE_CORE || !isObject(core)) return [];
  const { version, tree } = FLYTE_CORE;
  const refs = templateRefs(core, /* @__PURE__ */ new Set());
  for (const v of alsoRefs) templateRefs(v, refs);
  const defined = (path) => [...refs].some((r) => r === path.join(".") || r.startsWith(`${path.join(".")}.`));
  const problems = [];
  const walk = (value, node, path) => {
    for (const [k, v] of Object.entries(value)) {
      const here = [...path, k];
      const known = node[k];
      if (known === void 0) {
        if (defined(here)) continue;
        const near = nearest(k, Object.keys(node));
        const parent = path.length ? path.join(".") : "flyte-core";
        const make = severity === "error" ? error : warning;
        problems.push(
          make(
            coded("values.unknown-key", at(`/${here.map(escapeSegment).join("/")}`)),
            `flyte-core ${version} has no key ${here.join(".")}: Helm passes it on and flyte-core ignores it, so ${near ? `${[...path, near].join(".")} keeps its default` : "it changes nothing"}`,
            near ? `did you mean ${[...path, near].join(".")}?` : `remove it; the keys of ${parent} are: ${Object.keys(node).filter((x) => x !== "global").join(", ")}`
          )
        );
      } else if (known !== 0 && isObject(v)) walk(v, known, here);
    }
  };
  walk(core, tree, []);
  return problems;
}

export {
  unknownCoreKeys
};
