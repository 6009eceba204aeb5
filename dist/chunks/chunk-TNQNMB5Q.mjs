#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
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
  showValue
} from "./chunk-PXOMBRJH.mjs";
import {
  __commonJS,
  __toESM
} from "./chunk-GPAN37FC.mjs";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// plugin/generated/validators.cjs
var require_validators = __commonJS({
  "plugin/generated/validators.cjs"(exports) {
    "use strict";
    exports.validateMulticluster = validate10;
    var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://flytemc.io/schemas/multicluster.schema.json", "title": "flytemc multi-cluster configuration", "description": "The `multicluster` block of the flyte-multicluster chart's values. `clusters` is FlyteAdmin's own `clusters` config section (clusterConfigs, labelClusterMap, defaultExecutionLabel); `credentials` says which Secret holds every data plane's token and CA and where FlyteAdmin mounts it; `controlPlane` says how the data planes reach the control plane. This one schema feeds the post-renderer, the chart's values.schema.json and the configuration reference.", "type": "object", "additionalProperties": false, "properties": { "role": { "description": "Which plane this release is: `control-plane` (FlyteAdmin and friends) or `data-plane` (flytepropeller, the flyteadmin ServiceAccount and its token Secret). Both need the flytemc post-renderer, which consumes the MultiClusterConfig document the chart emits. Set by values-controlplane.yaml or values-dataplane.yaml.", "enum": ["control-plane", "data-plane"], "x-fix": "pass -f values-controlplane.yaml or -f values-dataplane.yaml" }, "clusterName": { "description": "Data plane only: this data plane's name. It becomes `flytepropeller.clusterName` and must equal the `name` under which the control plane lists the cluster, or FlyteAdmin drops its events.", "$ref": "#/definitions/name" }, "credentials": { "$ref": "#/definitions/credentials" }, "clusters": { "$ref": "#/definitions/clusters" }, "credentialProxy": { "$ref": "#/definitions/credentialProxyDefaults" }, "controlPlane": { "$ref": "#/definitions/controlPlane" }, "executionLabels": { "description": "Control plane only: which execution cluster label each Flyte project and domain (and, optionally, workflow) uses, kept in git with the clusters. FlyteAdmin does not read it from here: `helm flytemc labels apply --admin URL -f FILE` makes FlyteAdmin's execution cluster label attributes equal to it (`labels diff` reports drift), and `helm flytemc labels -f FILE --out DIR` writes one `flytectl update execution-cluster-label --attrFile` file per entry; both refuse a label that labelClusterMap does not route.", "type": "array", "items": { "$ref": "#/definitions/executionLabel" } }, "dataPlane": { "$ref": "#/definitions/dataPlane" } }, "definitions": { "name": { "description": "A cluster name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters. It names the Secret keys `<name>_token` and `<name>_cacert`.", "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", "x-fix": "use letters, digits, '-', '_' or '.', e.g. dp-us-east-1" }, "label": { "description": "An execution cluster label, the value set with `flytectl update execution-cluster-label`.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", "x-fix": "use letters, digits, '-', '_' or '.', e.g. team1" }, "dns1123Subdomain": { "description": "A Kubernetes object name (DNS-1123 subdomain): lowercase letters, digits, '-' and '.', at most 253 characters.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-fix": "use lowercase letters, digits and '-', e.g. cluster-credentials ('_' is not allowed)" }, "absolutePath": { "type": "string", "pattern": "^/[^\\s]*$", "x-fix": "use an absolute path without spaces, e.g. /var/run/credentials" }, "credentials": { "description": "The Secret in the control plane's namespace that holds `<name>_token` and `<name>_cacert` for every data plane, and the folder where it is mounted into FlyteAdmin, its sync-cluster-resources init container and the syncresources Deployment.", "type": "object", "additionalProperties": false, "properties": { "secretName": { "description": "Name of the credentials Secret.", "default": "cluster-credentials", "$ref": "#/definitions/dns1123Subdomain" }, "mountPath": { "description": "Folder where the Secret is mounted; every tokenPath and certPath must lie in it.", "default": "/var/run/credentials", "$ref": "#/definitions/absolutePath" } } }, "clusters": { "description": "FlyteAdmin's `clusters` section: the data planes it may send executions to and the weighted routes of each execution cluster label.", "type": "object", "additionalProperties": false, "properties": { "clusterConfigs": { "description": "One entry per data plane.", "type": "array", "items": { "$ref": "#/definitions/clusterConfig" } }, "labelClusterMap": { "description": "For each execution cluster label, the clusters it routes to, each with a weight between 0 and 1. Weights are normalised, so they need not add up to 1.", "type": "object", "propertyNames": { "$ref": "#/definitions/label" }, "additionalProperties": { "type": "array", "items": { "$ref": "#/definitions/route" } } }, "defaultExecutionLabel": { "description": "The label used for executions that have no execution cluster label of their own. Must be a key of labelClusterMap.", "$ref": "#/definitions/label" } } }, "route": { "type": "object", "additionalProperties": false, "required": ["id", "weight"], "properties": { "id": { "description": "The `name` of a cluster in clusterConfigs.", "$ref": "#/definitions/name" }, "weight": { "description": "Share of this label's executions, 0 to 1 (normalised over the label's enabled clusters; 0 is ignored unless all are 0).", "type": "number", "minimum": 0, "maximum": 1, "x-fix": "use a number from 0 to 1, e.g. 0.5" } } }, "clusterConfig": { "type": "object", "additionalProperties": false, "required": ["name"], "properties": { "name": { "description": "The data plane's name; equal to its `flytepropeller.clusterName`.", "$ref": "#/definitions/name" }, "endpoint": { "description": "The data plane's Kubernetes API server, https only. The one exception is the form the post-renderer writes for a cluster reached through its credential proxy: `http://127.0.0.1:PORT`, loopback only, next to `credentialProxy.server` (the real https URL).", "type": "string", "pattern": "^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$", "x-fix": `write the API server's URL, e.g. "https://10.0.0.1:6443" (https only, no template braces)` }, "enabled": { "description": "Whether FlyteAdmin may send executions to this cluster. FlyteAdmin's default is false.", "type": "boolean", "x-fix": "write true or false without quotes" }, "inCluster": { "description": "Use FlyteAdmin's own in-cluster credentials instead of a token and CA (the control plane's own cluster).", "type": "boolean", "x-fix": "write true or false without quotes" }, "auth": { "description": "Files FlyteAdmin reads the bearer token and the CA certificate from. Default: `<mountPath>/<name>_token` and `<mountPath>/<name>_cacert`.", "type": "object", "additionalProperties": false, "properties": { "tokenPath": { "$ref": "#/definitions/absolutePath" }, "certPath": { "$ref": "#/definitions/absolutePath" }, "type": { "description": "Deprecated: never read by FlyteAdmin and removed in v1.16.8. Only `file_path` is accepted, with a warning.", "const": "file_path", "x-fix": "remove `type`: FlyteAdmin never read it" } } }, "kubeClientConfig": { "description": "Rate limits and timeout of FlyteAdmin's client for this cluster.", "type": "object", "additionalProperties": false, "properties": { "qps": { "type": "number", "exclusiveMinimum": 0 }, "burst": { "type": "integer", "minimum": 1 }, "timeout": { "description": "A Go duration, e.g. 30s or 1m.", "type": "string", "pattern": "^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$", "x-fix": "use a Go duration such as 30s or 1m" } } }, "credentialProxy": { "$ref": "#/definitions/credentialProxy" } }, "if": { "not": { "properties": { "inCluster": { "const": true } }, "required": ["inCluster"] } }, "then": { "required": ["endpoint"] }, "allOf": [{ "if": { "required": ["endpoint"], "properties": { "endpoint": { "type": "string", "pattern": "^http:" } } }, "then": { "required": ["credentialProxy"], "properties": { "credentialProxy": { "type": "object", "required": ["server"] } } } }] }, "credentialProxy": { "description": "Control plane: reach this data plane without a long-lived token. A local proxy (`kubectl proxy` in `image`) runs beside FlyteAdmin and sync-cluster-resources as a native sidecar (Kubernetes 1.29 or later), listens on 127.0.0.1 only, verifies the API server with `<name>_cacert` of the credentials Secret and authenticates with short-lived credentials it gets and renews itself from the client-go exec plugin `exec`, run with the pod's own identity (EKS IRSA or Pod Identity, GKE workload identity, \u2026). The post-renderer points FlyteAdmin's entry at the proxy (`http://127.0.0.1:PORT`, no token). Do not set `auth` with it.", "type": "object", "additionalProperties": false, "required": ["exec"], "properties": { "exec": { "$ref": "#/definitions/execPlugin" }, "identity": { "description": "The Kubernetes user name the data plane sees for the proxy's credentials (e.g. `system:serviceaccount:flyte:flyteadmin`, the EKS access entry's username, a GKE Google service account's email). `flytemc join --auth` binds the data plane's ClusterRole to it, and `flytemc check` asks the data plane, by SubjectAccessReview, whether it may do what FlyteAdmin needs.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[^\\s{}]+$", "x-fix": "write the user name as the data plane's RBAC sees it, e.g. system:serviceaccount:flyte:flyteadmin or flyteadmin@my-project.iam.gserviceaccount.com" }, "image": { "description": "The proxy's image for this cluster (default: `multicluster.credentialProxy.image`): kubectl on the PATH, and the exec plugin's command.", "$ref": "#/definitions/image" }, "port": { "description": "The proxy's loopback port in FlyteAdmin's pods (default: 17101 and up, in the order of clusterConfigs).", "type": "integer", "minimum": 1024, "maximum": 65535, "x-fix": "use a free port from 1024 to 65535, e.g. 17101" }, "server": { "description": "Written by the post-renderer, not by hand: the data plane's real API server (the `endpoint` given), once `endpoint` points at the proxy.", "type": "string", "pattern": "^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$", "x-fix": "leave it out: give the API server as `endpoint`" } } }, "execPlugin": { "description": "A client-go exec credential plugin, as in a kubeconfig's `users[].user.exec`: the command the proxy runs, in its image and with the pod's identity, whenever it needs a new credential (e.g. `aws eks get-token`, `gke-gcloud-auth-plugin`). It must print an ExecCredential; credentials never go here (the identity is the pod's).", "type": "object", "additionalProperties": false, "required": ["command"], "properties": { "apiVersion": { "description": "The ExecCredential version the plugin speaks.", "enum": ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"], "default": "client.authentication.k8s.io/v1beta1", "x-fix": "use client.authentication.k8s.io/v1beta1 (aws, gke-gcloud-auth-plugin) or client.authentication.k8s.io/v1" }, "command": { "description": "The plugin's program, on the image's PATH or as an absolute path.", "type": "string", "minLength": 1, "maxLength": 1024, "pattern": "^[^\\s{}]+$", "x-fix": "write the program's name or absolute path, e.g. aws" }, "args": { "description": "Its arguments.", "type": "array", "items": { "type": "string", "maxLength": 4096 } }, "env": { "description": "Extra environment variables of the plugin (not secrets: the identity is the pod's).", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "value"], "properties": { "name": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "x-fix": "use an environment variable name, e.g. AWS_REGION" }, "value": { "type": "string", "maxLength": 4096 } } } }, "provideClusterInfo": { "description": "Pass the cluster's server and CA to the plugin (KUBERNETES_EXEC_INFO); gke-gcloud-auth-plugin wants it.", "type": "boolean", "x-fix": "write true or false without quotes" } } }, "image": { "description": "A container image reference.", "type": "string", "minLength": 1, "maxLength": 512, "pattern": "^[^\\s{}]+$", "x-fix": "write an image reference, e.g. registry.example.com/kubectl-aws:1.32" }, "credentialProxyDefaults": { "description": "Control plane: what every credential proxy (`clusters.clusterConfigs[].credentialProxy`) shares unless its cluster says otherwise.", "type": "object", "additionalProperties": false, "properties": { "image": { "description": "The proxies' image: kubectl on the PATH (it runs `kubectl proxy`), and each exec plugin's command (`aws`, `gke-gcloud-auth-plugin`, \u2026). Build it yourself or take one you trust.", "$ref": "#/definitions/image" } } }, "dataPlane": { "description": "Data plane only: the long-lived token Secret for the flyteadmin ServiceAccount that the control plane uses (none with `longLivedToken: false`), and that ServiceAccount's permissions.", "type": "object", "additionalProperties": false, "properties": { "tokenSecretName": { "description": "Name of the `kubernetes.io/service-account-token` Secret the chart creates for ServiceAccount flyteadmin.", "default": "flyteadmin-token", "$ref": "#/definitions/dns1123Subdomain" }, "longLivedToken": { "description": "Whether the chart creates that token Secret. `false` for a data plane the control plane reaches through a credential proxy with short-lived credentials (`flytemc join --auth eks|gke|exec`): then no long-lived token exists in it at all.", "type": "boolean", "default": true, "x-fix": "write true or false without quotes" }, "rbac": { "description": "The permissions of ServiceAccount flyteadmin in this data plane. `flyte-core` (the default, for compatibility): flyte-core's ClusterRole, every verb on secrets, roles, rolebindings and more. `minimal`: exactly what FlyteAdmin needs, derived from the cluster-resource templates in `flyte-core.cluster_resource_manager.templates` (create, get, patch of each kind) plus FlyteWorkflow objects (create, get, update, delete, list, watch); `helm flytemc rbac -f controlplane-values.yaml` prints it.", "enum": ["flyte-core", "minimal"], "default": "flyte-core", "x-fix": "use flyte-core or minimal" } } }, "grpcEndpoint": { "description": "A gRPC address as flytepropeller dials it: `dns:///HOST:PORT` (or `HOST:PORT`), no scheme like https://.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$", "x-fix": "write the gRPC address as the data plane reaches it, e.g. dns:///flyte.example.com:443 (no https://, no template braces)" }, "controlPlane": { "description": "How the data planes reach the control plane (the way back: flytepropeller sends every execution event to FlyteAdmin and reads task caches from DataCatalog). A data plane's flytepropeller gets these in `flyte-propeller-config` (admin.yaml, catalog.yaml), written by the flytemc post-renderer. Keep this block in a values file shared by both planes: the control plane reads `catalogIngress` from it.", "type": "object", "additionalProperties": false, "properties": { "adminEndpoint": { "description": "Data plane, required: FlyteAdmin's gRPC endpoint as the data plane reaches it (the control plane's gRPC Ingress or load balancer), e.g. `dns:///flyte.example.com:443`. Becomes flytepropeller's `admin.endpoint` (flyte-core's default `flyteadmin:81` exists only inside the control plane's cluster).", "$ref": "#/definitions/grpcEndpoint" }, "insecure": { "description": "Plain-text gRPC (no TLS) to FlyteAdmin and DataCatalog: becomes `admin.insecure` and the catalog cache's `insecure`. Only for endpoints without TLS, e.g. inside one network.", "type": "boolean", "default": false, "x-fix": "write true or false without quotes" }, "catalogEndpoint": { "description": "Data plane: DataCatalog's gRPC endpoint as the data plane reaches it (task caching). Defaults to `adminEndpoint` when `catalogIngress` is true; without either, the chart refuses (or set `catalog: false`).", "$ref": "#/definitions/grpcEndpoint" }, "catalog": { "description": "Data plane: `false` turns the catalog cache (task caching) off on purpose: the catalog cache becomes `type: noop`.", "type": "boolean", "default": true, "x-fix": "write true or false without quotes" }, "catalogIngress": { "description": "Control plane: add the `datacatalog.DataCatalog` route (to Service datacatalog, port 89) to flyte-core's gRPC Ingress, which routes only FlyteAdmin's services. Data planes: DataCatalog is then reached at `adminEndpoint`, so `catalogEndpoint` defaults to it. Set it in the values file both planes share.", "type": "boolean", "default": false, "x-fix": "write true or false without quotes" }, "clientSecret": { "description": "Data plane, only when the control plane has auth on: flytepropeller authenticates to FlyteAdmin with an OAuth2 client secret read from a Secret you create in the data plane (key `client_secret`), mounted at /etc/secrets. Without this block (the default, auth off) flyte-core's `flyte-secret-auth` placeholder is left as it is and never used.", "type": "object", "additionalProperties": false, "properties": { "secretName": { "description": "The Secret (in the data plane's namespace) whose key `client_secret` holds the client secret. Create it yourself: it never comes from values.", "default": "flyte-secret-auth", "$ref": "#/definitions/dns1123Subdomain" }, "clientId": { "description": "The OAuth2 client id FlyteAdmin's authorization server knows flytepropeller by (flyte-core's default: flytepropeller).", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[^\\s{}]+$", "default": "flytepropeller", "x-fix": "write the client id without spaces or braces, e.g. flytepropeller" } } } } }, "executionLabel": { "description": "One project/domain[/workflow] and the execution cluster label its executions get.", "type": "object", "additionalProperties": false, "required": ["project", "domain", "label"], "properties": { "project": { "description": "The Flyte project (its id).", "$ref": "#/definitions/flyteName" }, "domain": { "description": "The domain, e.g. development, staging or production.", "$ref": "#/definitions/flyteName" }, "workflow": { "description": "Only this workflow of the project and domain (its full name, e.g. `my_pkg.workflows.training_wf`).", "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$", "x-fix": "use the workflow's full name: letters, digits, '_', '-', '.' and ':', e.g. my_pkg.workflows.training_wf" }, "label": { "description": "The execution cluster label: a key of clusters.labelClusterMap with at least one enabled cluster.", "$ref": "#/definitions/label" } } }, "flyteName": { "description": "A Flyte project or domain id: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.", "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "x-fix": "use lowercase letters, digits and '-', e.g. flytesnacks or development" } } };
    var schema12 = { "description": "A cluster name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters. It names the Secret keys `<name>_token` and `<name>_cacert`.", "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", "x-fix": "use letters, digits, '-', '_' or '.', e.g. dp-us-east-1" };
    var func2 = require_ucs2length().default;
    var pattern0 = new RegExp("^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", "u");
    var schema13 = { "description": "The Secret in the control plane's namespace that holds `<name>_token` and `<name>_cacert` for every data plane, and the folder where it is mounted into FlyteAdmin, its sync-cluster-resources init container and the syncresources Deployment.", "type": "object", "additionalProperties": false, "properties": { "secretName": { "description": "Name of the credentials Secret.", "default": "cluster-credentials", "$ref": "#/definitions/dns1123Subdomain" }, "mountPath": { "description": "Folder where the Secret is mounted; every tokenPath and certPath must lie in it.", "default": "/var/run/credentials", "$ref": "#/definitions/absolutePath" } } };
    var schema14 = { "description": "A Kubernetes object name (DNS-1123 subdomain): lowercase letters, digits, '-' and '.', at most 253 characters.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-fix": "use lowercase letters, digits and '-', e.g. cluster-credentials ('_' is not allowed)" };
    var schema15 = { "type": "string", "pattern": "^/[^\\s]*$", "x-fix": "use an absolute path without spaces, e.g. /var/run/credentials" };
    var pattern1 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "u");
    var pattern2 = new RegExp("^/[^\\s]*$", "u");
    function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "secretName" || key0 === "mountPath")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.secretName !== void 0) {
          let data0 = data.secretName;
          if (typeof data0 === "string") {
            if (func2(data0) > 253) {
              const err1 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern1.test(data0)) {
              const err3 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.mountPath !== void 0) {
          let data1 = data.mountPath;
          if (typeof data1 === "string") {
            if (!pattern2.test(data1)) {
              const err5 = { instancePath: instancePath + "/mountPath", schemaPath: "#/definitions/absolutePath/pattern", keyword: "pattern", params: { pattern: "^/[^\\s]*$" }, message: 'must match pattern "^/[^\\s]*$"', schema: "^/[^\\s]*$", parentSchema: schema15, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/mountPath", schemaPath: "#/definitions/absolutePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      validate11.errors = vErrors;
      return errors === 0;
    }
    var schema16 = { "description": "FlyteAdmin's `clusters` section: the data planes it may send executions to and the weighted routes of each execution cluster label.", "type": "object", "additionalProperties": false, "properties": { "clusterConfigs": { "description": "One entry per data plane.", "type": "array", "items": { "$ref": "#/definitions/clusterConfig" } }, "labelClusterMap": { "description": "For each execution cluster label, the clusters it routes to, each with a weight between 0 and 1. Weights are normalised, so they need not add up to 1.", "type": "object", "propertyNames": { "$ref": "#/definitions/label" }, "additionalProperties": { "type": "array", "items": { "$ref": "#/definitions/route" } } }, "defaultExecutionLabel": { "description": "The label used for executions that have no execution cluster label of their own. Must be a key of labelClusterMap.", "$ref": "#/definitions/label" } } };
    var schema24 = { "description": "An execution cluster label, the value set with `flytectl update execution-cluster-label`.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", "x-fix": "use letters, digits, '-', '_' or '.', e.g. team1" };
    var schema17 = { "type": "object", "additionalProperties": false, "required": ["name"], "properties": { "name": { "description": "The data plane's name; equal to its `flytepropeller.clusterName`.", "$ref": "#/definitions/name" }, "endpoint": { "description": "The data plane's Kubernetes API server, https only. The one exception is the form the post-renderer writes for a cluster reached through its credential proxy: `http://127.0.0.1:PORT`, loopback only, next to `credentialProxy.server` (the real https URL).", "type": "string", "pattern": "^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$", "x-fix": `write the API server's URL, e.g. "https://10.0.0.1:6443" (https only, no template braces)` }, "enabled": { "description": "Whether FlyteAdmin may send executions to this cluster. FlyteAdmin's default is false.", "type": "boolean", "x-fix": "write true or false without quotes" }, "inCluster": { "description": "Use FlyteAdmin's own in-cluster credentials instead of a token and CA (the control plane's own cluster).", "type": "boolean", "x-fix": "write true or false without quotes" }, "auth": { "description": "Files FlyteAdmin reads the bearer token and the CA certificate from. Default: `<mountPath>/<name>_token` and `<mountPath>/<name>_cacert`.", "type": "object", "additionalProperties": false, "properties": { "tokenPath": { "$ref": "#/definitions/absolutePath" }, "certPath": { "$ref": "#/definitions/absolutePath" }, "type": { "description": "Deprecated: never read by FlyteAdmin and removed in v1.16.8. Only `file_path` is accepted, with a warning.", "const": "file_path", "x-fix": "remove `type`: FlyteAdmin never read it" } } }, "kubeClientConfig": { "description": "Rate limits and timeout of FlyteAdmin's client for this cluster.", "type": "object", "additionalProperties": false, "properties": { "qps": { "type": "number", "exclusiveMinimum": 0 }, "burst": { "type": "integer", "minimum": 1 }, "timeout": { "description": "A Go duration, e.g. 30s or 1m.", "type": "string", "pattern": "^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$", "x-fix": "use a Go duration such as 30s or 1m" } } }, "credentialProxy": { "$ref": "#/definitions/credentialProxy" } }, "if": { "not": { "properties": { "inCluster": { "const": true } }, "required": ["inCluster"] } }, "then": { "required": ["endpoint"] }, "allOf": [{ "if": { "required": ["endpoint"], "properties": { "endpoint": { "type": "string", "pattern": "^http:" } } }, "then": { "required": ["credentialProxy"], "properties": { "credentialProxy": { "type": "object", "required": ["server"] } } } }] };
    var pattern3 = new RegExp("^http:", "u");
    var pattern5 = new RegExp("^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$", "u");
    var pattern8 = new RegExp("^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$", "u");
    var schema21 = { "description": "Control plane: reach this data plane without a long-lived token. A local proxy (`kubectl proxy` in `image`) runs beside FlyteAdmin and sync-cluster-resources as a native sidecar (Kubernetes 1.29 or later), listens on 127.0.0.1 only, verifies the API server with `<name>_cacert` of the credentials Secret and authenticates with short-lived credentials it gets and renews itself from the client-go exec plugin `exec`, run with the pod's own identity (EKS IRSA or Pod Identity, GKE workload identity, \u2026). The post-renderer points FlyteAdmin's entry at the proxy (`http://127.0.0.1:PORT`, no token). Do not set `auth` with it.", "type": "object", "additionalProperties": false, "required": ["exec"], "properties": { "exec": { "$ref": "#/definitions/execPlugin" }, "identity": { "description": "The Kubernetes user name the data plane sees for the proxy's credentials (e.g. `system:serviceaccount:flyte:flyteadmin`, the EKS access entry's username, a GKE Google service account's email). `flytemc join --auth` binds the data plane's ClusterRole to it, and `flytemc check` asks the data plane, by SubjectAccessReview, whether it may do what FlyteAdmin needs.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[^\\s{}]+$", "x-fix": "write the user name as the data plane's RBAC sees it, e.g. system:serviceaccount:flyte:flyteadmin or flyteadmin@my-project.iam.gserviceaccount.com" }, "image": { "description": "The proxy's image for this cluster (default: `multicluster.credentialProxy.image`): kubectl on the PATH, and the exec plugin's command.", "$ref": "#/definitions/image" }, "port": { "description": "The proxy's loopback port in FlyteAdmin's pods (default: 17101 and up, in the order of clusterConfigs).", "type": "integer", "minimum": 1024, "maximum": 65535, "x-fix": "use a free port from 1024 to 65535, e.g. 17101" }, "server": { "description": "Written by the post-renderer, not by hand: the data plane's real API server (the `endpoint` given), once `endpoint` points at the proxy.", "type": "string", "pattern": "^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$", "x-fix": "leave it out: give the API server as `endpoint`" } } };
    var schema22 = { "description": "A client-go exec credential plugin, as in a kubeconfig's `users[].user.exec`: the command the proxy runs, in its image and with the pod's identity, whenever it needs a new credential (e.g. `aws eks get-token`, `gke-gcloud-auth-plugin`). It must print an ExecCredential; credentials never go here (the identity is the pod's).", "type": "object", "additionalProperties": false, "required": ["command"], "properties": { "apiVersion": { "description": "The ExecCredential version the plugin speaks.", "enum": ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"], "default": "client.authentication.k8s.io/v1beta1", "x-fix": "use client.authentication.k8s.io/v1beta1 (aws, gke-gcloud-auth-plugin) or client.authentication.k8s.io/v1" }, "command": { "description": "The plugin's program, on the image's PATH or as an absolute path.", "type": "string", "minLength": 1, "maxLength": 1024, "pattern": "^[^\\s{}]+$", "x-fix": "write the program's name or absolute path, e.g. aws" }, "args": { "description": "Its arguments.", "type": "array", "items": { "type": "string", "maxLength": 4096 } }, "env": { "description": "Extra environment variables of the plugin (not secrets: the identity is the pod's).", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "value"], "properties": { "name": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "x-fix": "use an environment variable name, e.g. AWS_REGION" }, "value": { "type": "string", "maxLength": 4096 } } } }, "provideClusterInfo": { "description": "Pass the cluster's server and CA to the plugin (KUBERNETES_EXEC_INFO); gke-gcloud-auth-plugin wants it.", "type": "boolean", "x-fix": "write true or false without quotes" } } };
    var schema23 = { "description": "A container image reference.", "type": "string", "minLength": 1, "maxLength": 512, "pattern": "^[^\\s{}]+$", "x-fix": "write an image reference, e.g. registry.example.com/kubectl-aws:1.32" };
    var pattern9 = new RegExp("^[^\\s{}]+$", "u");
    var pattern10 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
    var pattern13 = new RegExp("^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$", "u");
    function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.exec === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "exec" }, message: "must have required property 'exec'", schema: schema21.required, parentSchema: schema21, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        for (const key0 in data) {
          if (!(key0 === "exec" || key0 === "identity" || key0 === "image" || key0 === "port" || key0 === "server")) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema21, data };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data.exec !== void 0) {
          let data0 = data.exec;
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.command === void 0) {
              const err2 = { instancePath: instancePath + "/exec", schemaPath: "#/definitions/execPlugin/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema22.required, parentSchema: schema22, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            for (const key1 in data0) {
              if (!(key1 === "apiVersion" || key1 === "command" || key1 === "args" || key1 === "env" || key1 === "provideClusterInfo")) {
                const err3 = { instancePath: instancePath + "/exec", schemaPath: "#/definitions/execPlugin/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data: data0 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data0.apiVersion !== void 0) {
              let data1 = data0.apiVersion;
              if (!(data1 === "client.authentication.k8s.io/v1" || data1 === "client.authentication.k8s.io/v1beta1")) {
                const err4 = { instancePath: instancePath + "/exec/apiVersion", schemaPath: "#/definitions/execPlugin/properties/apiVersion/enum", keyword: "enum", params: { allowedValues: schema22.properties.apiVersion.enum }, message: "must be equal to one of the allowed values", schema: schema22.properties.apiVersion.enum, parentSchema: schema22.properties.apiVersion, data: data1 };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data0.command !== void 0) {
              let data2 = data0.command;
              if (typeof data2 === "string") {
                if (func2(data2) > 1024) {
                  const err5 = { instancePath: instancePath + "/exec/command", schemaPath: "#/definitions/execPlugin/properties/command/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters", schema: 1024, parentSchema: schema22.properties.command, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err5];
                  } else {
                    vErrors.push(err5);
                  }
                  errors++;
                }
                if (func2(data2) < 1) {
                  const err6 = { instancePath: instancePath + "/exec/command", schemaPath: "#/definitions/execPlugin/properties/command/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.command, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
                if (!pattern9.test(data2)) {
                  const err7 = { instancePath: instancePath + "/exec/command", schemaPath: "#/definitions/execPlugin/properties/command/pattern", keyword: "pattern", params: { pattern: "^[^\\s{}]+$" }, message: 'must match pattern "^[^\\s{}]+$"', schema: "^[^\\s{}]+$", parentSchema: schema22.properties.command, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = { instancePath: instancePath + "/exec/command", schemaPath: "#/definitions/execPlugin/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.command.type, parentSchema: schema22.properties.command, data: data2 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data0.args !== void 0) {
              let data3 = data0.args;
              if (Array.isArray(data3)) {
                const len0 = data3.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data4 = data3[i0];
                  if (typeof data4 === "string") {
                    if (func2(data4) > 4096) {
                      const err9 = { instancePath: instancePath + "/exec/args/" + i0, schemaPath: "#/definitions/execPlugin/properties/args/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema22.properties.args.items, data: data4 };
                      if (vErrors === null) {
                        vErrors = [err9];
                      } else {
                        vErrors.push(err9);
                      }
                      errors++;
                    }
                  } else {
                    const err10 = { instancePath: instancePath + "/exec/args/" + i0, schemaPath: "#/definitions/execPlugin/properties/args/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.args.items.type, parentSchema: schema22.properties.args.items, data: data4 };
                    if (vErrors === null) {
                      vErrors = [err10];
                    } else {
                      vErrors.push(err10);
                    }
                    errors++;
                  }
                }
              } else {
                const err11 = { instancePath: instancePath + "/exec/args", schemaPath: "#/definitions/execPlugin/properties/args/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.args.type, parentSchema: schema22.properties.args, data: data3 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data0.env !== void 0) {
              let data5 = data0.env;
              if (Array.isArray(data5)) {
                const len1 = data5.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data6 = data5[i1];
                  if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                    if (data6.name === void 0) {
                      const err12 = { instancePath: instancePath + "/exec/env/" + i1, schemaPath: "#/definitions/execPlugin/properties/env/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema22.properties.env.items.required, parentSchema: schema22.properties.env.items, data: data6 };
                      if (vErrors === null) {
                        vErrors = [err12];
                      } else {
                        vErrors.push(err12);
                      }
                      errors++;
                    }
                    if (data6.value === void 0) {
                      const err13 = { instancePath: instancePath + "/exec/env/" + i1, schemaPath: "#/definitions/execPlugin/properties/env/items/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema22.properties.env.items.required, parentSchema: schema22.properties.env.items, data: data6 };
                      if (vErrors === null) {
                        vErrors = [err13];
                      } else {
                        vErrors.push(err13);
                      }
                      errors++;
                    }
                    for (const key2 in data6) {
                      if (!(key2 === "name" || key2 === "value")) {
                        const err14 = { instancePath: instancePath + "/exec/env/" + i1, schemaPath: "#/definitions/execPlugin/properties/env/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22.properties.env.items, data: data6 };
                        if (vErrors === null) {
                          vErrors = [err14];
                        } else {
                          vErrors.push(err14);
                        }
                        errors++;
                      }
                    }
                    if (data6.name !== void 0) {
                      let data7 = data6.name;
                      if (typeof data7 === "string") {
                        if (!pattern10.test(data7)) {
                          const err15 = { instancePath: instancePath + "/exec/env/" + i1 + "/name", schemaPath: "#/definitions/execPlugin/properties/env/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema22.properties.env.items.properties.name, data: data7 };
                          if (vErrors === null) {
                            vErrors = [err15];
                          } else {
                            vErrors.push(err15);
                          }
                          errors++;
                        }
                      } else {
                        const err16 = { instancePath: instancePath + "/exec/env/" + i1 + "/name", schemaPath: "#/definitions/execPlugin/properties/env/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.env.items.properties.name.type, parentSchema: schema22.properties.env.items.properties.name, data: data7 };
                        if (vErrors === null) {
                          vErrors = [err16];
                        } else {
                          vErrors.push(err16);
                        }
                        errors++;
                      }
                    }
                    if (data6.value !== void 0) {
                      let data8 = data6.value;
                      if (typeof data8 === "string") {
                        if (func2(data8) > 4096) {
                          const err17 = { instancePath: instancePath + "/exec/env/" + i1 + "/value", schemaPath: "#/definitions/execPlugin/properties/env/items/properties/value/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema22.properties.env.items.properties.value, data: data8 };
                          if (vErrors === null) {
                            vErrors = [err17];
                          } else {
                            vErrors.push(err17);
                          }
                          errors++;
                        }
                      } else {
                        const err18 = { instancePath: instancePath + "/exec/env/" + i1 + "/value", schemaPath: "#/definitions/execPlugin/properties/env/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.env.items.properties.value.type, parentSchema: schema22.properties.env.items.properties.value, data: data8 };
                        if (vErrors === null) {
                          vErrors = [err18];
                        } else {
                          vErrors.push(err18);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err19 = { instancePath: instancePath + "/exec/env/" + i1, schemaPath: "#/definitions/execPlugin/properties/env/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.properties.env.items.type, parentSchema: schema22.properties.env.items, data: data6 };
                    if (vErrors === null) {
                      vErrors = [err19];
                    } else {
                      vErrors.push(err19);
                    }
                    errors++;
                  }
                }
              } else {
                const err20 = { instancePath: instancePath + "/exec/env", schemaPath: "#/definitions/execPlugin/properties/env/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.env.type, parentSchema: schema22.properties.env, data: data5 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data0.provideClusterInfo !== void 0) {
              let data9 = data0.provideClusterInfo;
              if (typeof data9 !== "boolean") {
                const err21 = { instancePath: instancePath + "/exec/provideClusterInfo", schemaPath: "#/definitions/execPlugin/properties/provideClusterInfo/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema22.properties.provideClusterInfo.type, parentSchema: schema22.properties.provideClusterInfo, data: data9 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
          } else {
            const err22 = { instancePath: instancePath + "/exec", schemaPath: "#/definitions/execPlugin/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data: data0 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data.identity !== void 0) {
          let data10 = data.identity;
          if (typeof data10 === "string") {
            if (func2(data10) > 253) {
              const err23 = { instancePath: instancePath + "/identity", schemaPath: "#/properties/identity/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema21.properties.identity, data: data10 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (func2(data10) < 1) {
              const err24 = { instancePath: instancePath + "/identity", schemaPath: "#/properties/identity/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema21.properties.identity, data: data10 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (!pattern9.test(data10)) {
              const err25 = { instancePath: instancePath + "/identity", schemaPath: "#/properties/identity/pattern", keyword: "pattern", params: { pattern: "^[^\\s{}]+$" }, message: 'must match pattern "^[^\\s{}]+$"', schema: "^[^\\s{}]+$", parentSchema: schema21.properties.identity, data: data10 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/identity", schemaPath: "#/properties/identity/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.identity.type, parentSchema: schema21.properties.identity, data: data10 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data.image !== void 0) {
          let data11 = data.image;
          if (typeof data11 === "string") {
            if (func2(data11) > 512) {
              const err27 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters", schema: 512, parentSchema: schema23, data: data11 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (func2(data11) < 1) {
              const err28 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema23, data: data11 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            if (!pattern9.test(data11)) {
              const err29 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/pattern", keyword: "pattern", params: { pattern: "^[^\\s{}]+$" }, message: 'must match pattern "^[^\\s{}]+$"', schema: "^[^\\s{}]+$", parentSchema: schema23, data: data11 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.type, parentSchema: schema23, data: data11 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data.port !== void 0) {
          let data12 = data.port;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err31 = { instancePath: instancePath + "/port", schemaPath: "#/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema21.properties.port.type, parentSchema: schema21.properties.port, data: data12 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 > 65535 || isNaN(data12)) {
              const err32 = { instancePath: instancePath + "/port", schemaPath: "#/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema21.properties.port, data: data12 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            if (data12 < 1024 || isNaN(data12)) {
              const err33 = { instancePath: instancePath + "/port", schemaPath: "#/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1024 }, message: "must be >= 1024", schema: 1024, parentSchema: schema21.properties.port, data: data12 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          }
        }
        if (data.server !== void 0) {
          let data13 = data.server;
          if (typeof data13 === "string") {
            if (!pattern13.test(data13)) {
              const err34 = { instancePath: instancePath + "/server", schemaPath: "#/properties/server/pattern", keyword: "pattern", params: { pattern: "^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$" }, message: 'must match pattern "^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$"', schema: "^https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?$", parentSchema: schema21.properties.server, data: data13 };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          } else {
            const err35 = { instancePath: instancePath + "/server", schemaPath: "#/properties/server/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.server.type, parentSchema: schema21.properties.server, data: data13 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
      } else {
        const err36 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.type, parentSchema: schema21, data };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
      validate15.errors = vErrors;
      return errors === 0;
    }
    function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      const _errs2 = errors;
      let valid1 = true;
      const _errs3 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing0;
        if (data.endpoint === void 0 && (missing0 = "endpoint")) {
          const err0 = {};
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        } else {
          if (data.endpoint !== void 0) {
            let data0 = data.endpoint;
            const _errs4 = errors;
            if (errors === _errs4) {
              if (typeof data0 === "string") {
                if (!pattern3.test(data0)) {
                  const err1 = {};
                  if (vErrors === null) {
                    vErrors = [err1];
                  } else {
                    vErrors.push(err1);
                  }
                  errors++;
                }
              } else {
                const err2 = {};
                if (vErrors === null) {
                  vErrors = [err2];
                } else {
                  vErrors.push(err2);
                }
                errors++;
              }
            }
          }
        }
      }
      var _valid0 = _errs3 === errors;
      errors = _errs2;
      if (vErrors !== null) {
        if (_errs2) {
          vErrors.length = _errs2;
        } else {
          vErrors = null;
        }
      }
      if (_valid0) {
        const _errs6 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          if (data.credentialProxy === void 0) {
            const err3 = { instancePath, schemaPath: "#/allOf/0/then/required", keyword: "required", params: { missingProperty: "credentialProxy" }, message: "must have required property 'credentialProxy'", schema: schema17.allOf[0].then.required, parentSchema: schema17.allOf[0].then, data };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
          if (data.credentialProxy !== void 0) {
            let data1 = data.credentialProxy;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.server === void 0) {
                const err4 = { instancePath: instancePath + "/credentialProxy", schemaPath: "#/allOf/0/then/properties/credentialProxy/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema17.allOf[0].then.properties.credentialProxy.required, parentSchema: schema17.allOf[0].then.properties.credentialProxy, data: data1 };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            } else {
              const err5 = { instancePath: instancePath + "/credentialProxy", schemaPath: "#/allOf/0/then/properties/credentialProxy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.allOf[0].then.properties.credentialProxy.type, parentSchema: schema17.allOf[0].then.properties.credentialProxy, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          }
        }
        var _valid0 = _errs6 === errors;
        valid1 = _valid0;
      }
      if (!valid1) {
        const err6 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema17.allOf[0].if, parentSchema: schema17.allOf[0], data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      const _errs9 = errors;
      let valid4 = true;
      const _errs10 = errors;
      const _errs11 = errors;
      const _errs12 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing1;
        if (data.inCluster === void 0 && (missing1 = "inCluster")) {
          const err7 = {};
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        } else {
          if (data.inCluster !== void 0) {
            if (true !== data.inCluster) {
              const err8 = {};
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
        }
      }
      var valid5 = _errs12 === errors;
      if (valid5) {
        const err9 = {};
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      } else {
        errors = _errs11;
        if (vErrors !== null) {
          if (_errs11) {
            vErrors.length = _errs11;
          } else {
            vErrors = null;
          }
        }
      }
      var _valid1 = _errs10 === errors;
      errors = _errs9;
      if (vErrors !== null) {
        if (_errs9) {
          vErrors.length = _errs9;
        } else {
          vErrors = null;
        }
      }
      if (_valid1) {
        const _errs14 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          if (data.endpoint === void 0) {
            const err10 = { instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: "endpoint" }, message: "must have required property 'endpoint'", schema: schema17.then.required, parentSchema: schema17.then, data };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        var _valid1 = _errs14 === errors;
        valid4 = _valid1;
      }
      if (!valid4) {
        const err11 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema17.if, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema17.required, parentSchema: schema17, data };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        for (const key0 in data) {
          if (!(key0 === "name" || key0 === "endpoint" || key0 === "enabled" || key0 === "inCluster" || key0 === "auth" || key0 === "kubeClientConfig" || key0 === "credentialProxy")) {
            const err13 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data.name !== void 0) {
          let data3 = data.name;
          if (typeof data3 === "string") {
            if (func2(data3) > 63) {
              const err14 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/name/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data3 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (func2(data3) < 1) {
              const err15 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data3 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (!pattern0.test(data3)) {
              const err16 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema12, data: data3 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data3 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data.endpoint !== void 0) {
          let data4 = data.endpoint;
          if (typeof data4 === "string") {
            if (!pattern5.test(data4)) {
              const err18 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/pattern", keyword: "pattern", params: { pattern: "^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$" }, message: 'must match pattern "^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$"', schema: "^(https://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/[^\\s{}]*)?|http://127\\.0\\.0\\.1:[0-9]{1,5})$", parentSchema: schema17.properties.endpoint, data: data4 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.endpoint.type, parentSchema: schema17.properties.endpoint, data: data4 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data.enabled !== void 0) {
          let data5 = data.enabled;
          if (typeof data5 !== "boolean") {
            const err20 = { instancePath: instancePath + "/enabled", schemaPath: "#/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema17.properties.enabled.type, parentSchema: schema17.properties.enabled, data: data5 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data.inCluster !== void 0) {
          let data6 = data.inCluster;
          if (typeof data6 !== "boolean") {
            const err21 = { instancePath: instancePath + "/inCluster", schemaPath: "#/properties/inCluster/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema17.properties.inCluster.type, parentSchema: schema17.properties.inCluster, data: data6 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data.auth !== void 0) {
          let data7 = data.auth;
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            for (const key1 in data7) {
              if (!(key1 === "tokenPath" || key1 === "certPath" || key1 === "type")) {
                const err22 = { instancePath: instancePath + "/auth", schemaPath: "#/properties/auth/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17.properties.auth, data: data7 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data7.tokenPath !== void 0) {
              let data8 = data7.tokenPath;
              if (typeof data8 === "string") {
                if (!pattern2.test(data8)) {
                  const err23 = { instancePath: instancePath + "/auth/tokenPath", schemaPath: "#/definitions/absolutePath/pattern", keyword: "pattern", params: { pattern: "^/[^\\s]*$" }, message: 'must match pattern "^/[^\\s]*$"', schema: "^/[^\\s]*$", parentSchema: schema15, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/auth/tokenPath", schemaPath: "#/definitions/absolutePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data8 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data7.certPath !== void 0) {
              let data9 = data7.certPath;
              if (typeof data9 === "string") {
                if (!pattern2.test(data9)) {
                  const err25 = { instancePath: instancePath + "/auth/certPath", schemaPath: "#/definitions/absolutePath/pattern", keyword: "pattern", params: { pattern: "^/[^\\s]*$" }, message: 'must match pattern "^/[^\\s]*$"', schema: "^/[^\\s]*$", parentSchema: schema15, data: data9 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              } else {
                const err26 = { instancePath: instancePath + "/auth/certPath", schemaPath: "#/definitions/absolutePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data9 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data7.type !== void 0) {
              let data10 = data7.type;
              if ("file_path" !== data10) {
                const err27 = { instancePath: instancePath + "/auth/type", schemaPath: "#/properties/auth/properties/type/const", keyword: "const", params: { allowedValue: "file_path" }, message: "must be equal to constant", schema: "file_path", parentSchema: schema17.properties.auth.properties.type, data: data10 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
          } else {
            const err28 = { instancePath: instancePath + "/auth", schemaPath: "#/properties/auth/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.auth.type, parentSchema: schema17.properties.auth, data: data7 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data.kubeClientConfig !== void 0) {
          let data11 = data.kubeClientConfig;
          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
            for (const key2 in data11) {
              if (!(key2 === "qps" || key2 === "burst" || key2 === "timeout")) {
                const err29 = { instancePath: instancePath + "/kubeClientConfig", schemaPath: "#/properties/kubeClientConfig/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17.properties.kubeClientConfig, data: data11 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data11.qps !== void 0) {
              let data12 = data11.qps;
              if (typeof data12 == "number" && isFinite(data12)) {
                if (data12 <= 0 || isNaN(data12)) {
                  const err30 = { instancePath: instancePath + "/kubeClientConfig/qps", schemaPath: "#/properties/kubeClientConfig/properties/qps/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema17.properties.kubeClientConfig.properties.qps, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/kubeClientConfig/qps", schemaPath: "#/properties/kubeClientConfig/properties/qps/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.kubeClientConfig.properties.qps.type, parentSchema: schema17.properties.kubeClientConfig.properties.qps, data: data12 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data11.burst !== void 0) {
              let data13 = data11.burst;
              if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                const err32 = { instancePath: instancePath + "/kubeClientConfig/burst", schemaPath: "#/properties/kubeClientConfig/properties/burst/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.kubeClientConfig.properties.burst.type, parentSchema: schema17.properties.kubeClientConfig.properties.burst, data: data13 };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
              if (typeof data13 == "number" && isFinite(data13)) {
                if (data13 < 1 || isNaN(data13)) {
                  const err33 = { instancePath: instancePath + "/kubeClientConfig/burst", schemaPath: "#/properties/kubeClientConfig/properties/burst/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema17.properties.kubeClientConfig.properties.burst, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              }
            }
            if (data11.timeout !== void 0) {
              let data14 = data11.timeout;
              if (typeof data14 === "string") {
                if (!pattern8.test(data14)) {
                  const err34 = { instancePath: instancePath + "/kubeClientConfig/timeout", schemaPath: "#/properties/kubeClientConfig/properties/timeout/pattern", keyword: "pattern", params: { pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$" }, message: 'must match pattern "^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$"', schema: "^([0-9]+(\\.[0-9]+)?(ns|us|\xB5s|ms|s|m|h))+$", parentSchema: schema17.properties.kubeClientConfig.properties.timeout, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/kubeClientConfig/timeout", schemaPath: "#/properties/kubeClientConfig/properties/timeout/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.kubeClientConfig.properties.timeout.type, parentSchema: schema17.properties.kubeClientConfig.properties.timeout, data: data14 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/kubeClientConfig", schemaPath: "#/properties/kubeClientConfig/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.kubeClientConfig.type, parentSchema: schema17.properties.kubeClientConfig, data: data11 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data.credentialProxy !== void 0) {
          if (!validate15(data.credentialProxy, { instancePath: instancePath + "/credentialProxy", parentData: data, parentDataProperty: "credentialProxy", rootData })) {
            vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err37 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
      validate14.errors = vErrors;
      return errors === 0;
    }
    var schema25 = { "type": "object", "additionalProperties": false, "required": ["id", "weight"], "properties": { "id": { "description": "The `name` of a cluster in clusterConfigs.", "$ref": "#/definitions/name" }, "weight": { "description": "Share of this label's executions, 0 to 1 (normalised over the label's enabled clusters; 0 is ignored unless all are 0).", "type": "number", "minimum": 0, "maximum": 1, "x-fix": "use a number from 0 to 1, e.g. 0.5" } } };
    function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.id === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema25.required, parentSchema: schema25, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.weight === void 0) {
          const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "weight" }, message: "must have required property 'weight'", schema: schema25.required, parentSchema: schema25, data };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "weight")) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema25, data };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data.id !== void 0) {
          let data0 = data.id;
          if (typeof data0 === "string") {
            if (func2(data0) > 63) {
              const err3 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/name/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err4 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data0 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            if (!pattern0.test(data0)) {
              const err5 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema12, data: data0 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data0 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data.weight !== void 0) {
          let data1 = data.weight;
          if (typeof data1 == "number" && isFinite(data1)) {
            if (data1 > 1 || isNaN(data1)) {
              const err7 = { instancePath: instancePath + "/weight", schemaPath: "#/properties/weight/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema25.properties.weight, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (data1 < 0 || isNaN(data1)) {
              const err8 = { instancePath: instancePath + "/weight", schemaPath: "#/properties/weight/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema25.properties.weight, data: data1 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/weight", schemaPath: "#/properties/weight/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema25.properties.weight.type, parentSchema: schema25.properties.weight, data: data1 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema25.type, parentSchema: schema25, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      validate18.errors = vErrors;
      return errors === 0;
    }
    function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "clusterConfigs" || key0 === "labelClusterMap" || key0 === "defaultExecutionLabel")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.clusterConfigs !== void 0) {
          let data0 = data.clusterConfigs;
          if (Array.isArray(data0)) {
            const len0 = data0.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (!validate14(data0[i0], { instancePath: instancePath + "/clusterConfigs/" + i0, parentData: data0, parentDataProperty: i0, rootData })) {
                vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
                errors = vErrors.length;
              }
            }
          } else {
            const err1 = { instancePath: instancePath + "/clusterConfigs", schemaPath: "#/properties/clusterConfigs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.clusterConfigs.type, parentSchema: schema16.properties.clusterConfigs, data: data0 };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data.labelClusterMap !== void 0) {
          let data2 = data.labelClusterMap;
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key1 in data2) {
              const _errs7 = errors;
              if (typeof key1 === "string") {
                if (func2(key1) > 253) {
                  const err2 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
                if (func2(key1) < 1) {
                  const err3 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err3];
                  } else {
                    vErrors.push(err3);
                  }
                  errors++;
                }
                if (!pattern0.test(key1)) {
                  const err4 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              } else {
                const err5 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: key1, propertyName: key1 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
              var valid3 = _errs7 === errors;
              if (!valid3) {
                const err6 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/properties/labelClusterMap/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema16.properties.labelClusterMap.propertyNames, parentSchema: schema16.properties.labelClusterMap, data: data2 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            for (const key2 in data2) {
              let data3 = data2[key2];
              if (Array.isArray(data3)) {
                const len1 = data3.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  if (!validate18(data3[i1], { instancePath: instancePath + "/labelClusterMap/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i1, parentData: data3, parentDataProperty: i1, rootData })) {
                    vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
                    errors = vErrors.length;
                  }
                }
              } else {
                const err7 = { instancePath: instancePath + "/labelClusterMap/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/labelClusterMap/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.labelClusterMap.additionalProperties.type, parentSchema: schema16.properties.labelClusterMap.additionalProperties, data: data3 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
          } else {
            const err8 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/properties/labelClusterMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.labelClusterMap.type, parentSchema: schema16.properties.labelClusterMap, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data.defaultExecutionLabel !== void 0) {
          let data5 = data.defaultExecutionLabel;
          if (typeof data5 === "string") {
            if (func2(data5) > 253) {
              const err9 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err10 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data5)) {
              const err11 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      validate13.errors = vErrors;
      return errors === 0;
    }
    var schema28 = { "description": "Control plane: what every credential proxy (`clusters.clusterConfigs[].credentialProxy`) shares unless its cluster says otherwise.", "type": "object", "additionalProperties": false, "properties": { "image": { "description": "The proxies' image: kubectl on the PATH (it runs `kubectl proxy`), and each exec plugin's command (`aws`, `gke-gcloud-auth-plugin`, \u2026). Build it yourself or take one you trust.", "$ref": "#/definitions/image" } } };
    function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "image")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema28, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.image !== void 0) {
          let data0 = data.image;
          if (typeof data0 === "string") {
            if (func2(data0) > 512) {
              const err1 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters", schema: 512, parentSchema: schema23, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema23, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern9.test(data0)) {
              const err3 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/pattern", keyword: "pattern", params: { pattern: "^[^\\s{}]+$" }, message: 'must match pattern "^[^\\s{}]+$"', schema: "^[^\\s{}]+$", parentSchema: schema23, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.type, parentSchema: schema23, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.type, parentSchema: schema28, data };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      validate21.errors = vErrors;
      return errors === 0;
    }
    var schema30 = { "description": "How the data planes reach the control plane (the way back: flytepropeller sends every execution event to FlyteAdmin and reads task caches from DataCatalog). A data plane's flytepropeller gets these in `flyte-propeller-config` (admin.yaml, catalog.yaml), written by the flytemc post-renderer. Keep this block in a values file shared by both planes: the control plane reads `catalogIngress` from it.", "type": "object", "additionalProperties": false, "properties": { "adminEndpoint": { "description": "Data plane, required: FlyteAdmin's gRPC endpoint as the data plane reaches it (the control plane's gRPC Ingress or load balancer), e.g. `dns:///flyte.example.com:443`. Becomes flytepropeller's `admin.endpoint` (flyte-core's default `flyteadmin:81` exists only inside the control plane's cluster).", "$ref": "#/definitions/grpcEndpoint" }, "insecure": { "description": "Plain-text gRPC (no TLS) to FlyteAdmin and DataCatalog: becomes `admin.insecure` and the catalog cache's `insecure`. Only for endpoints without TLS, e.g. inside one network.", "type": "boolean", "default": false, "x-fix": "write true or false without quotes" }, "catalogEndpoint": { "description": "Data plane: DataCatalog's gRPC endpoint as the data plane reaches it (task caching). Defaults to `adminEndpoint` when `catalogIngress` is true; without either, the chart refuses (or set `catalog: false`).", "$ref": "#/definitions/grpcEndpoint" }, "catalog": { "description": "Data plane: `false` turns the catalog cache (task caching) off on purpose: the catalog cache becomes `type: noop`.", "type": "boolean", "default": true, "x-fix": "write true or false without quotes" }, "catalogIngress": { "description": "Control plane: add the `datacatalog.DataCatalog` route (to Service datacatalog, port 89) to flyte-core's gRPC Ingress, which routes only FlyteAdmin's services. Data planes: DataCatalog is then reached at `adminEndpoint`, so `catalogEndpoint` defaults to it. Set it in the values file both planes share.", "type": "boolean", "default": false, "x-fix": "write true or false without quotes" }, "clientSecret": { "description": "Data plane, only when the control plane has auth on: flytepropeller authenticates to FlyteAdmin with an OAuth2 client secret read from a Secret you create in the data plane (key `client_secret`), mounted at /etc/secrets. Without this block (the default, auth off) flyte-core's `flyte-secret-auth` placeholder is left as it is and never used.", "type": "object", "additionalProperties": false, "properties": { "secretName": { "description": "The Secret (in the data plane's namespace) whose key `client_secret` holds the client secret. Create it yourself: it never comes from values.", "default": "flyte-secret-auth", "$ref": "#/definitions/dns1123Subdomain" }, "clientId": { "description": "The OAuth2 client id FlyteAdmin's authorization server knows flytepropeller by (flyte-core's default: flytepropeller).", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[^\\s{}]+$", "default": "flytepropeller", "x-fix": "write the client id without spaces or braces, e.g. flytepropeller" } } } } };
    var schema31 = { "description": "A gRPC address as flytepropeller dials it: `dns:///HOST:PORT` (or `HOST:PORT`), no scheme like https://.", "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$", "x-fix": "write the gRPC address as the data plane reaches it, e.g. dns:///flyte.example.com:443 (no https://, no template braces)" };
    var pattern18 = new RegExp("^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$", "u");
    function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "adminEndpoint" || key0 === "insecure" || key0 === "catalogEndpoint" || key0 === "catalog" || key0 === "catalogIngress" || key0 === "clientSecret")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema30, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.adminEndpoint !== void 0) {
          let data0 = data.adminEndpoint;
          if (typeof data0 === "string") {
            if (func2(data0) > 253) {
              const err1 = { instancePath: instancePath + "/adminEndpoint", schemaPath: "#/definitions/grpcEndpoint/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema31, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/adminEndpoint", schemaPath: "#/definitions/grpcEndpoint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern18.test(data0)) {
              const err3 = { instancePath: instancePath + "/adminEndpoint", schemaPath: "#/definitions/grpcEndpoint/pattern", keyword: "pattern", params: { pattern: "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$" }, message: 'must match pattern "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$"', schema: "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$", parentSchema: schema31, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/adminEndpoint", schemaPath: "#/definitions/grpcEndpoint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.type, parentSchema: schema31, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.insecure !== void 0) {
          let data1 = data.insecure;
          if (typeof data1 !== "boolean") {
            const err5 = { instancePath: instancePath + "/insecure", schemaPath: "#/properties/insecure/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema30.properties.insecure.type, parentSchema: schema30.properties.insecure, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data.catalogEndpoint !== void 0) {
          let data2 = data.catalogEndpoint;
          if (typeof data2 === "string") {
            if (func2(data2) > 253) {
              const err6 = { instancePath: instancePath + "/catalogEndpoint", schemaPath: "#/definitions/grpcEndpoint/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema31, data: data2 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data2) < 1) {
              const err7 = { instancePath: instancePath + "/catalogEndpoint", schemaPath: "#/definitions/grpcEndpoint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (!pattern18.test(data2)) {
              const err8 = { instancePath: instancePath + "/catalogEndpoint", schemaPath: "#/definitions/grpcEndpoint/pattern", keyword: "pattern", params: { pattern: "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$" }, message: 'must match pattern "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$"', schema: "^(dns:///)?([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$", parentSchema: schema31, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/catalogEndpoint", schemaPath: "#/definitions/grpcEndpoint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.type, parentSchema: schema31, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data.catalog !== void 0) {
          let data3 = data.catalog;
          if (typeof data3 !== "boolean") {
            const err10 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema30.properties.catalog.type, parentSchema: schema30.properties.catalog, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data.catalogIngress !== void 0) {
          let data4 = data.catalogIngress;
          if (typeof data4 !== "boolean") {
            const err11 = { instancePath: instancePath + "/catalogIngress", schemaPath: "#/properties/catalogIngress/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema30.properties.catalogIngress.type, parentSchema: schema30.properties.catalogIngress, data: data4 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data.clientSecret !== void 0) {
          let data5 = data.clientSecret;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              if (!(key1 === "secretName" || key1 === "clientId")) {
                const err12 = { instancePath: instancePath + "/clientSecret", schemaPath: "#/properties/clientSecret/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema30.properties.clientSecret, data: data5 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data5.secretName !== void 0) {
              let data6 = data5.secretName;
              if (typeof data6 === "string") {
                if (func2(data6) > 253) {
                  const err13 = { instancePath: instancePath + "/clientSecret/secretName", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema14, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
                if (func2(data6) < 1) {
                  const err14 = { instancePath: instancePath + "/clientSecret/secretName", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
                if (!pattern1.test(data6)) {
                  const err15 = { instancePath: instancePath + "/clientSecret/secretName", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema14, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/clientSecret/secretName", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data6 };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data5.clientId !== void 0) {
              let data7 = data5.clientId;
              if (typeof data7 === "string") {
                if (func2(data7) > 253) {
                  const err17 = { instancePath: instancePath + "/clientSecret/clientId", schemaPath: "#/properties/clientSecret/properties/clientId/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema30.properties.clientSecret.properties.clientId, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                if (func2(data7) < 1) {
                  const err18 = { instancePath: instancePath + "/clientSecret/clientId", schemaPath: "#/properties/clientSecret/properties/clientId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema30.properties.clientSecret.properties.clientId, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
                if (!pattern9.test(data7)) {
                  const err19 = { instancePath: instancePath + "/clientSecret/clientId", schemaPath: "#/properties/clientSecret/properties/clientId/pattern", keyword: "pattern", params: { pattern: "^[^\\s{}]+$" }, message: 'must match pattern "^[^\\s{}]+$"', schema: "^[^\\s{}]+$", parentSchema: schema30.properties.clientSecret.properties.clientId, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
              } else {
                const err20 = { instancePath: instancePath + "/clientSecret/clientId", schemaPath: "#/properties/clientSecret/properties/clientId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema30.properties.clientSecret.properties.clientId.type, parentSchema: schema30.properties.clientSecret.properties.clientId, data: data7 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          } else {
            const err21 = { instancePath: instancePath + "/clientSecret", schemaPath: "#/properties/clientSecret/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema30.properties.clientSecret.type, parentSchema: schema30.properties.clientSecret, data: data5 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema30.type, parentSchema: schema30, data };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      validate23.errors = vErrors;
      return errors === 0;
    }
    var schema34 = { "description": "One project/domain[/workflow] and the execution cluster label its executions get.", "type": "object", "additionalProperties": false, "required": ["project", "domain", "label"], "properties": { "project": { "description": "The Flyte project (its id).", "$ref": "#/definitions/flyteName" }, "domain": { "description": "The domain, e.g. development, staging or production.", "$ref": "#/definitions/flyteName" }, "workflow": { "description": "Only this workflow of the project and domain (its full name, e.g. `my_pkg.workflows.training_wf`).", "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$", "x-fix": "use the workflow's full name: letters, digits, '_', '-', '.' and ':', e.g. my_pkg.workflows.training_wf" }, "label": { "description": "The execution cluster label: a key of clusters.labelClusterMap with at least one enabled cluster.", "$ref": "#/definitions/label" } } };
    var schema35 = { "description": "A Flyte project or domain id: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.", "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "x-fix": "use lowercase letters, digits and '-', e.g. flytesnacks or development" };
    var pattern22 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
    var pattern24 = new RegExp("^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$", "u");
    function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.project === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "project" }, message: "must have required property 'project'", schema: schema34.required, parentSchema: schema34, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.domain === void 0) {
          const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "domain" }, message: "must have required property 'domain'", schema: schema34.required, parentSchema: schema34, data };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data.label === void 0) {
          const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "label" }, message: "must have required property 'label'", schema: schema34.required, parentSchema: schema34, data };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key0 in data) {
          if (!(key0 === "project" || key0 === "domain" || key0 === "workflow" || key0 === "label")) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34, data };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data.project !== void 0) {
          let data0 = data.project;
          if (typeof data0 === "string") {
            if (func2(data0) > 63) {
              const err4 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/flyteName/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema35, data: data0 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err5 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/flyteName/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema35, data: data0 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (!pattern22.test(data0)) {
              const err6 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/flyteName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema35, data: data0 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/flyteName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data0 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data.domain !== void 0) {
          let data1 = data.domain;
          if (typeof data1 === "string") {
            if (func2(data1) > 63) {
              const err8 = { instancePath: instancePath + "/domain", schemaPath: "#/definitions/flyteName/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema35, data: data1 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err9 = { instancePath: instancePath + "/domain", schemaPath: "#/definitions/flyteName/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema35, data: data1 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (!pattern22.test(data1)) {
              const err10 = { instancePath: instancePath + "/domain", schemaPath: "#/definitions/flyteName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema35, data: data1 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/domain", schemaPath: "#/definitions/flyteName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data1 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data.workflow !== void 0) {
          let data2 = data.workflow;
          if (typeof data2 === "string") {
            if (func2(data2) > 255) {
              const err12 = { instancePath: instancePath + "/workflow", schemaPath: "#/properties/workflow/maxLength", keyword: "maxLength", params: { limit: 255 }, message: "must NOT have more than 255 characters", schema: 255, parentSchema: schema34.properties.workflow, data: data2 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (func2(data2) < 1) {
              const err13 = { instancePath: instancePath + "/workflow", schemaPath: "#/properties/workflow/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.workflow, data: data2 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (!pattern24.test(data2)) {
              const err14 = { instancePath: instancePath + "/workflow", schemaPath: "#/properties/workflow/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$" }, message: 'must match pattern "^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$"', schema: "^[A-Za-z0-9_]([-_.:A-Za-z0-9]*[A-Za-z0-9_])?$", parentSchema: schema34.properties.workflow, data: data2 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/workflow", schemaPath: "#/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.workflow.type, parentSchema: schema34.properties.workflow, data: data2 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data.label !== void 0) {
          let data3 = data.label;
          if (typeof data3 === "string") {
            if (func2(data3) > 253) {
              const err16 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/label/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema24, data: data3 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (func2(data3) < 1) {
              const err17 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24, data: data3 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (!pattern0.test(data3)) {
              const err18 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/label/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema24, data: data3 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: data3 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      validate25.errors = vErrors;
      return errors === 0;
    }
    var schema38 = { "description": "Data plane only: the long-lived token Secret for the flyteadmin ServiceAccount that the control plane uses (none with `longLivedToken: false`), and that ServiceAccount's permissions.", "type": "object", "additionalProperties": false, "properties": { "tokenSecretName": { "description": "Name of the `kubernetes.io/service-account-token` Secret the chart creates for ServiceAccount flyteadmin.", "default": "flyteadmin-token", "$ref": "#/definitions/dns1123Subdomain" }, "longLivedToken": { "description": "Whether the chart creates that token Secret. `false` for a data plane the control plane reaches through a credential proxy with short-lived credentials (`flytemc join --auth eks|gke|exec`): then no long-lived token exists in it at all.", "type": "boolean", "default": true, "x-fix": "write true or false without quotes" }, "rbac": { "description": "The permissions of ServiceAccount flyteadmin in this data plane. `flyte-core` (the default, for compatibility): flyte-core's ClusterRole, every verb on secrets, roles, rolebindings and more. `minimal`: exactly what FlyteAdmin needs, derived from the cluster-resource templates in `flyte-core.cluster_resource_manager.templates` (create, get, patch of each kind) plus FlyteWorkflow objects (create, get, update, delete, list, watch); `helm flytemc rbac -f controlplane-values.yaml` prints it.", "enum": ["flyte-core", "minimal"], "default": "flyte-core", "x-fix": "use flyte-core or minimal" } } };
    function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "tokenSecretName" || key0 === "longLivedToken" || key0 === "rbac")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.tokenSecretName !== void 0) {
          let data0 = data.tokenSecretName;
          if (typeof data0 === "string") {
            if (func2(data0) > 253) {
              const err1 = { instancePath: instancePath + "/tokenSecretName", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/tokenSecretName", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern1.test(data0)) {
              const err3 = { instancePath: instancePath + "/tokenSecretName", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/tokenSecretName", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.longLivedToken !== void 0) {
          let data1 = data.longLivedToken;
          if (typeof data1 !== "boolean") {
            const err5 = { instancePath: instancePath + "/longLivedToken", schemaPath: "#/properties/longLivedToken/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema38.properties.longLivedToken.type, parentSchema: schema38.properties.longLivedToken, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data.rbac !== void 0) {
          let data2 = data.rbac;
          if (!(data2 === "flyte-core" || data2 === "minimal")) {
            const err6 = { instancePath: instancePath + "/rbac", schemaPath: "#/properties/rbac/enum", keyword: "enum", params: { allowedValues: schema38.properties.rbac.enum }, message: "must be equal to one of the allowed values", schema: schema38.properties.rbac.enum, parentSchema: schema38.properties.rbac, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.type, parentSchema: schema38, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      validate27.errors = vErrors;
      return errors === 0;
    }
    function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      ;
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "role" || key0 === "clusterName" || key0 === "credentials" || key0 === "clusters" || key0 === "credentialProxy" || key0 === "controlPlane" || key0 === "executionLabels" || key0 === "dataPlane")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.role !== void 0) {
          let data0 = data.role;
          if (!(data0 === "control-plane" || data0 === "data-plane")) {
            const err1 = { instancePath: instancePath + "/role", schemaPath: "#/properties/role/enum", keyword: "enum", params: { allowedValues: schema11.properties.role.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.role.enum, parentSchema: schema11.properties.role, data: data0 };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data.clusterName !== void 0) {
          let data1 = data.clusterName;
          if (typeof data1 === "string") {
            if (func2(data1) > 63) {
              const err2 = { instancePath: instancePath + "/clusterName", schemaPath: "#/definitions/name/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data1 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err3 = { instancePath: instancePath + "/clusterName", schemaPath: "#/definitions/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data1 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (!pattern0.test(data1)) {
              const err4 = { instancePath: instancePath + "/clusterName", schemaPath: "#/definitions/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema12, data: data1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/clusterName", schemaPath: "#/definitions/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data.credentials !== void 0) {
          if (!validate11(data.credentials, { instancePath: instancePath + "/credentials", parentData: data, parentDataProperty: "credentials", rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
        if (data.clusters !== void 0) {
          if (!validate13(data.clusters, { instancePath: instancePath + "/clusters", parentData: data, parentDataProperty: "clusters", rootData })) {
            vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
            errors = vErrors.length;
          }
        }
        if (data.credentialProxy !== void 0) {
          if (!validate21(data.credentialProxy, { instancePath: instancePath + "/credentialProxy", parentData: data, parentDataProperty: "credentialProxy", rootData })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
        if (data.controlPlane !== void 0) {
          if (!validate23(data.controlPlane, { instancePath: instancePath + "/controlPlane", parentData: data, parentDataProperty: "controlPlane", rootData })) {
            vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
            errors = vErrors.length;
          }
        }
        if (data.executionLabels !== void 0) {
          let data6 = data.executionLabels;
          if (Array.isArray(data6)) {
            const len0 = data6.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (!validate25(data6[i0], { instancePath: instancePath + "/executionLabels/" + i0, parentData: data6, parentDataProperty: i0, rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
            }
          } else {
            const err6 = { instancePath: instancePath + "/executionLabels", schemaPath: "#/properties/executionLabels/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.executionLabels.type, parentSchema: schema11.properties.executionLabels, data: data6 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data.dataPlane !== void 0) {
          if (!validate27(data.dataPlane, { instancePath: instancePath + "/dataPlane", parentData: data, parentDataProperty: "dataPlane", rootData })) {
            vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      validate10.errors = vErrors;
      return errors === 0;
    }
    exports.validateClusters = validate29;
    function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "clusterConfigs" || key0 === "labelClusterMap" || key0 === "defaultExecutionLabel")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.clusterConfigs !== void 0) {
          let data0 = data.clusterConfigs;
          if (Array.isArray(data0)) {
            const len0 = data0.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (!validate14(data0[i0], { instancePath: instancePath + "/clusterConfigs/" + i0, parentData: data0, parentDataProperty: i0, rootData })) {
                vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
                errors = vErrors.length;
              }
            }
          } else {
            const err1 = { instancePath: instancePath + "/clusterConfigs", schemaPath: "#/properties/clusterConfigs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.clusterConfigs.type, parentSchema: schema16.properties.clusterConfigs, data: data0 };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
        if (data.labelClusterMap !== void 0) {
          let data2 = data.labelClusterMap;
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key1 in data2) {
              const _errs7 = errors;
              if (typeof key1 === "string") {
                if (func2(key1) > 253) {
                  const err2 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
                if (func2(key1) < 1) {
                  const err3 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err3];
                  } else {
                    vErrors.push(err3);
                  }
                  errors++;
                }
                if (!pattern0.test(key1)) {
                  const err4 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema24, data: key1, propertyName: key1 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              } else {
                const err5 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/definitions/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: key1, propertyName: key1 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
              var valid3 = _errs7 === errors;
              if (!valid3) {
                const err6 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/properties/labelClusterMap/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema16.properties.labelClusterMap.propertyNames, parentSchema: schema16.properties.labelClusterMap, data: data2 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            for (const key2 in data2) {
              let data3 = data2[key2];
              if (Array.isArray(data3)) {
                const len1 = data3.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  if (!validate18(data3[i1], { instancePath: instancePath + "/labelClusterMap/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i1, parentData: data3, parentDataProperty: i1, rootData })) {
                    vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
                    errors = vErrors.length;
                  }
                }
              } else {
                const err7 = { instancePath: instancePath + "/labelClusterMap/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/labelClusterMap/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.labelClusterMap.additionalProperties.type, parentSchema: schema16.properties.labelClusterMap.additionalProperties, data: data3 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
          } else {
            const err8 = { instancePath: instancePath + "/labelClusterMap", schemaPath: "#/properties/labelClusterMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.labelClusterMap.type, parentSchema: schema16.properties.labelClusterMap, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data.defaultExecutionLabel !== void 0) {
          let data5 = data.defaultExecutionLabel;
          if (typeof data5 === "string") {
            if (func2(data5) > 253) {
              const err9 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err10 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data5)) {
              const err11 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$" }, message: 'must match pattern "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$"', schema: "^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$", parentSchema: schema24, data: data5 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/defaultExecutionLabel", schemaPath: "#/definitions/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      validate29.errors = vErrors;
      return errors === 0;
    }
    exports.validateCredentials = validate32;
    function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
          if (!(key0 === "secretName" || key0 === "mountPath")) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
        }
        if (data.secretName !== void 0) {
          let data0 = data.secretName;
          if (typeof data0 === "string") {
            if (func2(data0) > 253) {
              const err1 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern1.test(data0)) {
              const err3 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema14, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/secretName", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.mountPath !== void 0) {
          let data1 = data.mountPath;
          if (typeof data1 === "string") {
            if (!pattern2.test(data1)) {
              const err5 = { instancePath: instancePath + "/mountPath", schemaPath: "#/definitions/absolutePath/pattern", keyword: "pattern", params: { pattern: "^/[^\\s]*$" }, message: 'must match pattern "^/[^\\s]*$"', schema: "^/[^\\s]*$", parentSchema: schema15, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/mountPath", schemaPath: "#/definitions/absolutePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      validate32.errors = vErrors;
      return errors === 0;
    }
    exports.validateDeployment = validate34;
    var schema47 = { "type": "object", "required": ["metadata", "spec"], "properties": { "metadata": { "$ref": "#/definitions/metadata" }, "spec": { "type": "object", "required": ["template"], "properties": { "template": { "type": "object", "required": ["spec"], "properties": { "metadata": { "type": "object", "properties": { "annotations": { "type": ["object", "null"], "additionalProperties": { "type": "string" }, "x-fix": "annotation values are strings: quote them" }, "labels": { "type": ["object", "null"], "additionalProperties": { "type": "string" } } } }, "spec": { "type": "object", "required": ["containers"], "properties": { "containers": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/container" } }, "initContainers": { "type": ["array", "null"], "items": { "$ref": "#/definitions/container" } }, "volumes": { "type": ["array", "null"], "items": { "$ref": "#/definitions/volume" } } } } } } } } } };
    var schema48 = { "type": "object", "required": ["name"], "properties": { "name": { "$ref": "#/definitions/dns1123Subdomain" }, "annotations": { "type": ["object", "null"], "additionalProperties": { "type": "string" }, "x-fix": "annotation values are strings: quote them" } } };
    var schema49 = { "type": "string", "minLength": 1, "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-fix": "object names are DNS-1123 subdomains: lowercase letters, digits, '-' and '.' ('_' is not allowed)" };
    function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema48.required, parentSchema: schema48, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.name !== void 0) {
          let data0 = data.name;
          if (typeof data0 === "string") {
            if (func2(data0) > 253) {
              const err1 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema49, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema49, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern1.test(data0)) {
              const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema49, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.annotations !== void 0) {
          let data1 = data.annotations;
          if (!(data1 && typeof data1 == "object" && !Array.isArray(data1)) && data1 !== null) {
            const err5 = { instancePath: instancePath + "/annotations", schemaPath: "#/properties/annotations/type", keyword: "type", params: { type: schema48.properties.annotations.type }, message: "must be object,null", schema: schema48.properties.annotations.type, parentSchema: schema48.properties.annotations, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            for (const key0 in data1) {
              let data2 = data1[key0];
              if (typeof data2 !== "string") {
                const err6 = { instancePath: instancePath + "/annotations/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/annotations/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.annotations.additionalProperties.type, parentSchema: schema48.properties.annotations.additionalProperties, data: data2 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.type, parentSchema: schema48, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      validate35.errors = vErrors;
      return errors === 0;
    }
    var schema50 = { "type": "object", "required": ["name"], "properties": { "name": { "$ref": "#/definitions/dns1123Label" }, "volumeMounts": { "type": ["array", "null"], "items": { "$ref": "#/definitions/volumeMount" } } } };
    var schema51 = { "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "x-fix": "volume names are DNS-1123 labels: lowercase letters, digits and '-' ('_' is not allowed), e.g. cluster-credentials" };
    var schema52 = { "type": "object", "required": ["name", "mountPath"], "properties": { "name": { "$ref": "#/definitions/dns1123Label" }, "mountPath": { "type": "string", "minLength": 1 } } };
    function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema52.required, parentSchema: schema52, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.mountPath === void 0) {
          const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mountPath" }, message: "must have required property 'mountPath'", schema: schema52.required, parentSchema: schema52, data };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data.name !== void 0) {
          let data0 = data.name;
          if (typeof data0 === "string") {
            if (func2(data0) > 63) {
              const err2 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (!pattern22.test(data0)) {
              const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema51.type, parentSchema: schema51, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data.mountPath !== void 0) {
          let data1 = data.mountPath;
          if (typeof data1 === "string") {
            if (func2(data1) < 1) {
              const err6 = { instancePath: instancePath + "/mountPath", schemaPath: "#/properties/mountPath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema52.properties.mountPath, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/mountPath", schemaPath: "#/properties/mountPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema52.properties.mountPath.type, parentSchema: schema52.properties.mountPath, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema52.type, parentSchema: schema52, data };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      validate38.errors = vErrors;
      return errors === 0;
    }
    function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema50.required, parentSchema: schema50, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.name !== void 0) {
          let data0 = data.name;
          if (typeof data0 === "string") {
            if (func2(data0) > 63) {
              const err1 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern22.test(data0)) {
              const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema51.type, parentSchema: schema51, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.volumeMounts !== void 0) {
          let data1 = data.volumeMounts;
          if (!Array.isArray(data1) && data1 !== null) {
            const err5 = { instancePath: instancePath + "/volumeMounts", schemaPath: "#/properties/volumeMounts/type", keyword: "type", params: { type: schema50.properties.volumeMounts.type }, message: "must be array,null", schema: schema50.properties.volumeMounts.type, parentSchema: schema50.properties.volumeMounts, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
          if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (!validate38(data1[i0], { instancePath: instancePath + "/volumeMounts/" + i0, parentData: data1, parentDataProperty: i0, rootData })) {
                vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
                errors = vErrors.length;
              }
            }
          }
        }
      } else {
        const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema50.type, parentSchema: schema50, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      validate37.errors = vErrors;
      return errors === 0;
    }
    var schema54 = { "type": "object", "required": ["name"], "properties": { "name": { "$ref": "#/definitions/dns1123Label" }, "secret": { "type": "object", "properties": { "secretName": { "$ref": "#/definitions/dns1123Subdomain" } }, "required": ["secretName"], "x-fix": "a Secret volume names its Secret: secret: {secretName: cluster-credentials}" } } };
    function validate42(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema54.required, parentSchema: schema54, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.name !== void 0) {
          let data0 = data.name;
          if (typeof data0 === "string") {
            if (func2(data0) > 63) {
              const err1 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func2(data0) < 1) {
              const err2 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern22.test(data0)) {
              const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema51, data: data0 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dns1123Label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema51.type, parentSchema: schema51, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data.secret !== void 0) {
          let data1 = data.secret;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.secretName === void 0) {
              const err5 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/required", keyword: "required", params: { missingProperty: "secretName" }, message: "must have required property 'secretName'", schema: schema54.properties.secret.required, parentSchema: schema54.properties.secret, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (data1.secretName !== void 0) {
              let data2 = data1.secretName;
              if (typeof data2 === "string") {
                if (func2(data2) > 253) {
                  const err6 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/definitions/dns1123Subdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema49, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
                if (func2(data2) < 1) {
                  const err7 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/definitions/dns1123Subdomain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema49, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
                if (!pattern1.test(data2)) {
                  const err8 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/definitions/dns1123Subdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema49, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/definitions/dns1123Subdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data2 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.properties.secret.type, parentSchema: schema54.properties.secret, data: data1 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.type, parentSchema: schema54, data };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      validate42.errors = vErrors;
      return errors === 0;
    }
    function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.metadata === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema47.required, parentSchema: schema47, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.spec === void 0) {
          const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema47.required, parentSchema: schema47, data };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data.metadata !== void 0) {
          if (!validate35(data.metadata, { instancePath: instancePath + "/metadata", parentData: data, parentDataProperty: "metadata", rootData })) {
            vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
            errors = vErrors.length;
          }
        }
        if (data.spec !== void 0) {
          let data1 = data.spec;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.template === void 0) {
              const err2 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "template" }, message: "must have required property 'template'", schema: schema47.properties.spec.required, parentSchema: schema47.properties.spec, data: data1 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (data1.template !== void 0) {
              let data2 = data1.template;
              if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                if (data2.spec === void 0) {
                  const err3 = { instancePath: instancePath + "/spec/template", schemaPath: "#/properties/spec/properties/template/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema47.properties.spec.properties.template.required, parentSchema: schema47.properties.spec.properties.template, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err3];
                  } else {
                    vErrors.push(err3);
                  }
                  errors++;
                }
                if (data2.metadata !== void 0) {
                  let data3 = data2.metadata;
                  if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                    if (data3.annotations !== void 0) {
                      let data4 = data3.annotations;
                      if (!(data4 && typeof data4 == "object" && !Array.isArray(data4)) && data4 !== null) {
                        const err4 = { instancePath: instancePath + "/spec/template/metadata/annotations", schemaPath: "#/properties/spec/properties/template/properties/metadata/properties/annotations/type", keyword: "type", params: { type: schema47.properties.spec.properties.template.properties.metadata.properties.annotations.type }, message: "must be object,null", schema: schema47.properties.spec.properties.template.properties.metadata.properties.annotations.type, parentSchema: schema47.properties.spec.properties.template.properties.metadata.properties.annotations, data: data4 };
                        if (vErrors === null) {
                          vErrors = [err4];
                        } else {
                          vErrors.push(err4);
                        }
                        errors++;
                      }
                      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                        for (const key0 in data4) {
                          let data5 = data4[key0];
                          if (typeof data5 !== "string") {
                            const err5 = { instancePath: instancePath + "/spec/template/metadata/annotations/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/spec/properties/template/properties/metadata/properties/annotations/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.properties.spec.properties.template.properties.metadata.properties.annotations.additionalProperties.type, parentSchema: schema47.properties.spec.properties.template.properties.metadata.properties.annotations.additionalProperties, data: data5 };
                            if (vErrors === null) {
                              vErrors = [err5];
                            } else {
                              vErrors.push(err5);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                    if (data3.labels !== void 0) {
                      let data6 = data3.labels;
                      if (!(data6 && typeof data6 == "object" && !Array.isArray(data6)) && data6 !== null) {
                        const err6 = { instancePath: instancePath + "/spec/template/metadata/labels", schemaPath: "#/properties/spec/properties/template/properties/metadata/properties/labels/type", keyword: "type", params: { type: schema47.properties.spec.properties.template.properties.metadata.properties.labels.type }, message: "must be object,null", schema: schema47.properties.spec.properties.template.properties.metadata.properties.labels.type, parentSchema: schema47.properties.spec.properties.template.properties.metadata.properties.labels, data: data6 };
                        if (vErrors === null) {
                          vErrors = [err6];
                        } else {
                          vErrors.push(err6);
                        }
                        errors++;
                      }
                      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                        for (const key1 in data6) {
                          let data7 = data6[key1];
                          if (typeof data7 !== "string") {
                            const err7 = { instancePath: instancePath + "/spec/template/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/spec/properties/template/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.properties.spec.properties.template.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema47.properties.spec.properties.template.properties.metadata.properties.labels.additionalProperties, data: data7 };
                            if (vErrors === null) {
                              vErrors = [err7];
                            } else {
                              vErrors.push(err7);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err8 = { instancePath: instancePath + "/spec/template/metadata", schemaPath: "#/properties/spec/properties/template/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.properties.spec.properties.template.properties.metadata.type, parentSchema: schema47.properties.spec.properties.template.properties.metadata, data: data3 };
                    if (vErrors === null) {
                      vErrors = [err8];
                    } else {
                      vErrors.push(err8);
                    }
                    errors++;
                  }
                }
                if (data2.spec !== void 0) {
                  let data8 = data2.spec;
                  if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                    if (data8.containers === void 0) {
                      const err9 = { instancePath: instancePath + "/spec/template/spec", schemaPath: "#/properties/spec/properties/template/properties/spec/required", keyword: "required", params: { missingProperty: "containers" }, message: "must have required property 'containers'", schema: schema47.properties.spec.properties.template.properties.spec.required, parentSchema: schema47.properties.spec.properties.template.properties.spec, data: data8 };
                      if (vErrors === null) {
                        vErrors = [err9];
                      } else {
                        vErrors.push(err9);
                      }
                      errors++;
                    }
                    if (data8.containers !== void 0) {
                      let data9 = data8.containers;
                      if (Array.isArray(data9)) {
                        if (data9.length < 1) {
                          const err10 = { instancePath: instancePath + "/spec/template/spec/containers", schemaPath: "#/properties/spec/properties/template/properties/spec/properties/containers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema47.properties.spec.properties.template.properties.spec.properties.containers, data: data9 };
                          if (vErrors === null) {
                            vErrors = [err10];
                          } else {
                            vErrors.push(err10);
                          }
                          errors++;
                        }
                        const len0 = data9.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          if (!validate37(data9[i0], { instancePath: instancePath + "/spec/template/spec/containers/" + i0, parentData: data9, parentDataProperty: i0, rootData })) {
                            vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
                            errors = vErrors.length;
                          }
                        }
                      } else {
                        const err11 = { instancePath: instancePath + "/spec/template/spec/containers", schemaPath: "#/properties/spec/properties/template/properties/spec/properties/containers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema47.properties.spec.properties.template.properties.spec.properties.containers.type, parentSchema: schema47.properties.spec.properties.template.properties.spec.properties.containers, data: data9 };
                        if (vErrors === null) {
                          vErrors = [err11];
                        } else {
                          vErrors.push(err11);
                        }
                        errors++;
                      }
                    }
                    if (data8.initContainers !== void 0) {
                      let data11 = data8.initContainers;
                      if (!Array.isArray(data11) && data11 !== null) {
                        const err12 = { instancePath: instancePath + "/spec/template/spec/initContainers", schemaPath: "#/properties/spec/properties/template/properties/spec/properties/initContainers/type", keyword: "type", params: { type: schema47.properties.spec.properties.template.properties.spec.properties.initContainers.type }, message: "must be array,null", schema: schema47.properties.spec.properties.template.properties.spec.properties.initContainers.type, parentSchema: schema47.properties.spec.properties.template.properties.spec.properties.initContainers, data: data11 };
                        if (vErrors === null) {
                          vErrors = [err12];
                        } else {
                          vErrors.push(err12);
                        }
                        errors++;
                      }
                      if (Array.isArray(data11)) {
                        const len1 = data11.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          if (!validate37(data11[i1], { instancePath: instancePath + "/spec/template/spec/initContainers/" + i1, parentData: data11, parentDataProperty: i1, rootData })) {
                            vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
                            errors = vErrors.length;
                          }
                        }
                      }
                    }
                    if (data8.volumes !== void 0) {
                      let data13 = data8.volumes;
                      if (!Array.isArray(data13) && data13 !== null) {
                        const err13 = { instancePath: instancePath + "/spec/template/spec/volumes", schemaPath: "#/properties/spec/properties/template/properties/spec/properties/volumes/type", keyword: "type", params: { type: schema47.properties.spec.properties.template.properties.spec.properties.volumes.type }, message: "must be array,null", schema: schema47.properties.spec.properties.template.properties.spec.properties.volumes.type, parentSchema: schema47.properties.spec.properties.template.properties.spec.properties.volumes, data: data13 };
                        if (vErrors === null) {
                          vErrors = [err13];
                        } else {
                          vErrors.push(err13);
                        }
                        errors++;
                      }
                      if (Array.isArray(data13)) {
                        const len2 = data13.length;
                        for (let i2 = 0; i2 < len2; i2++) {
                          if (!validate42(data13[i2], { instancePath: instancePath + "/spec/template/spec/volumes/" + i2, parentData: data13, parentDataProperty: i2, rootData })) {
                            vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
                            errors = vErrors.length;
                          }
                        }
                      }
                    }
                  } else {
                    const err14 = { instancePath: instancePath + "/spec/template/spec", schemaPath: "#/properties/spec/properties/template/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.properties.spec.properties.template.properties.spec.type, parentSchema: schema47.properties.spec.properties.template.properties.spec, data: data8 };
                    if (vErrors === null) {
                      vErrors = [err14];
                    } else {
                      vErrors.push(err14);
                    }
                    errors++;
                  }
                }
              } else {
                const err15 = { instancePath: instancePath + "/spec/template", schemaPath: "#/properties/spec/properties/template/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.properties.spec.properties.template.type, parentSchema: schema47.properties.spec.properties.template, data: data2 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.properties.spec.type, parentSchema: schema47.properties.spec, data: data1 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.type, parentSchema: schema47, data };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      validate34.errors = vErrors;
      return errors === 0;
    }
    exports.validateConfigMap = validate44;
    var schema57 = { "type": "object", "required": ["metadata"], "properties": { "metadata": { "$ref": "#/definitions/metadata" }, "data": { "type": ["object", "null"], "additionalProperties": { "type": "string" } } } };
    function validate44(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.metadata === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema57.required, parentSchema: schema57, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.metadata !== void 0) {
          if (!validate35(data.metadata, { instancePath: instancePath + "/metadata", parentData: data, parentDataProperty: "metadata", rootData })) {
            vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
            errors = vErrors.length;
          }
        }
        if (data.data !== void 0) {
          let data1 = data.data;
          if (!(data1 && typeof data1 == "object" && !Array.isArray(data1)) && data1 !== null) {
            const err1 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/type", keyword: "type", params: { type: schema57.properties.data.type }, message: "must be object,null", schema: schema57.properties.data.type, parentSchema: schema57.properties.data, data: data1 };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            for (const key0 in data1) {
              let data2 = data1[key0];
              if (typeof data2 !== "string") {
                const err2 = { instancePath: instancePath + "/data/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/data/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema57.properties.data.additionalProperties.type, parentSchema: schema57.properties.data.additionalProperties, data: data2 };
                if (vErrors === null) {
                  vErrors = [err2];
                } else {
                  vErrors.push(err2);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema57.type, parentSchema: schema57, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      validate44.errors = vErrors;
      return errors === 0;
    }
    exports.validateSecret = validate46;
    var schema58 = { "type": "object", "required": ["metadata"], "properties": { "metadata": { "$ref": "#/definitions/metadata" }, "data": { "type": ["object", "null"], "additionalProperties": { "type": "string", "pattern": "^[A-Za-z0-9+/\\s]*={0,2}\\s*$", "x-fix": "values under a Secret's `data:` must be base64; put raw token or PEM text under `stringData:` instead" } }, "stringData": { "type": ["object", "null"], "additionalProperties": { "type": "string" } } } };
    var pattern36 = new RegExp("^[A-Za-z0-9+/\\s]*={0,2}\\s*$", "u");
    function validate46(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null;
      let errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.metadata === void 0) {
          const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema58.required, parentSchema: schema58, data };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data.metadata !== void 0) {
          if (!validate35(data.metadata, { instancePath: instancePath + "/metadata", parentData: data, parentDataProperty: "metadata", rootData })) {
            vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
            errors = vErrors.length;
          }
        }
        if (data.data !== void 0) {
          let data1 = data.data;
          if (!(data1 && typeof data1 == "object" && !Array.isArray(data1)) && data1 !== null) {
            const err1 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/type", keyword: "type", params: { type: schema58.properties.data.type }, message: "must be object,null", schema: schema58.properties.data.type, parentSchema: schema58.properties.data, data: data1 };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            for (const key0 in data1) {
              let data2 = data1[key0];
              if (typeof data2 === "string") {
                if (!pattern36.test(data2)) {
                  const err2 = { instancePath: instancePath + "/data/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/data/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/\\s]*={0,2}\\s*$" }, message: 'must match pattern "^[A-Za-z0-9+/\\s]*={0,2}\\s*$"', schema: "^[A-Za-z0-9+/\\s]*={0,2}\\s*$", parentSchema: schema58.properties.data.additionalProperties, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
              } else {
                const err3 = { instancePath: instancePath + "/data/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/data/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema58.properties.data.additionalProperties.type, parentSchema: schema58.properties.data.additionalProperties, data: data2 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
          }
        }
        if (data.stringData !== void 0) {
          let data3 = data.stringData;
          if (!(data3 && typeof data3 == "object" && !Array.isArray(data3)) && data3 !== null) {
            const err4 = { instancePath: instancePath + "/stringData", schemaPath: "#/properties/stringData/type", keyword: "type", params: { type: schema58.properties.stringData.type }, message: "must be object,null", schema: schema58.properties.stringData.type, parentSchema: schema58.properties.stringData, data: data3 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            for (const key1 in data3) {
              let data4 = data3[key1];
              if (typeof data4 !== "string") {
                const err5 = { instancePath: instancePath + "/stringData/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stringData/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema58.properties.stringData.additionalProperties.type, parentSchema: schema58.properties.stringData.additionalProperties, data: data4 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema58.type, parentSchema: schema58, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      validate46.errors = vErrors;
      return errors === 0;
    }
  }
});

// plugin/config/secret-check.ts
var import_validators = __toESM(require_validators(), 1);

// plugin/config/schema-errors.ts
var SCHEMA = "values.schema";
var show = (v, path = "") => showValue(v, path);
var typeOf = (v, path) => v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a mapping" : `${typeof v} ${show(v, path)}`;
function hintFor(e, data) {
  const path = e.instancePath;
  const value = e.data;
  if (e.keyword === "additionalProperties" && /\/auth$/.test(path) && e.params.additionalProperty === "enabled") {
    const name = data(path.replace(/\/auth$/, "/name")) ?? "this cluster";
    return {
      what: `\`enabled\` sits under \`auth\`; FlyteAdmin ignores it there and ${name} stays disabled`,
      fix: "move `enabled: true` one level up, next to `name`, `endpoint` and `auth`"
    };
  }
  if (/\/endpoint$/.test(path)) {
    if (typeof value === "object" && value !== null) {
      return {
        what: "endpoint is a YAML mapping, not a URL: an unquoted `{{ ... }}` placeholder (as in the upstream guide) is read as a nested mapping",
        fix: 'write the data plane\'s API server URL, e.g. endpoint: "https://203.0.113.10:6443" (`flytemc join` fills it in for you)'
      };
    }
    if (typeof value === "string" && value.includes("{{")) {
      return {
        what: `endpoint ${show(value, path)} is still a \`{{ ... }}\` placeholder from the upstream guide; Helm's tpl fails on it`,
        fix: `write the data plane's API server URL, e.g. endpoint: "https://203.0.113.10:6443"`
      };
    }
    if (typeof value === "string" && value.startsWith("http://")) {
      return {
        what: `endpoint ${show(value, path)} is plain http; FlyteAdmin must reach the API server over TLS`,
        fix: "use the https:// URL of the API server"
      };
    }
  }
  if (e.keyword === "required" && (e.params.missingProperty === "credentialProxy" || e.params.missingProperty === "server")) {
    const entry = path.replace(/\/credentialProxy$/, "");
    return {
      what: `endpoint ${show(data(`${entry}/endpoint`), `${entry}/endpoint`)} is the loopback address of a credential proxy, which only the post-renderer writes (next to credentialProxy.server, the real API server)`,
      fix: "give the data plane's https:// URL as endpoint (with credentialProxy.exec to reach it through a proxy)"
    };
  }
  if (e.keyword === "pattern" && typeof value === "string" && value.includes("_") && /dns1123/.test(e.schemaPath)) {
    return {
      what: `${show(value, path)} is not a valid Kubernetes name: '_' is not allowed (the API server rejects it, client-side dry-run does not)`,
      fix: `use ${show(value.replace(/_/g, "-").toLowerCase(), path)}`
    };
  }
  if (e.keyword === "type" && typeof value === "string" && (e.params.type === "number" || e.params.type === "boolean" || e.params.type === "integer")) {
    return { fix: `write ${value} without quotes` };
  }
  return {};
}
function schemaProblems(errors, at, data) {
  const out = [];
  for (const e of errors ?? []) {
    if (e.keyword === "if") continue;
    const ps = e.parentSchema;
    const schemaFix = typeof ps?.["x-fix"] === "string" ? ps["x-fix"] : void 0;
    const hint = hintFor(e, data);
    let pointer = e.instancePath;
    let what;
    let fix = hint.fix ?? schemaFix;
    switch (e.keyword) {
      case "additionalProperties": {
        const key = String(e.params.additionalProperty);
        pointer = `${pointer}/${escapeSegment(key)}`;
        const allowed = Object.keys(ps?.properties ?? {});
        what = `unknown key \`${key}\``;
        fix ??= allowed.length ? `remove it or use one of: ${allowed.join(", ")} (FlyteAdmin silently ignores unknown keys)` : "remove it";
        break;
      }
      case "required":
        what = `missing \`${String(e.params.missingProperty)}\``;
        if (e.params.missingProperty === "endpoint")
          fix ??= `add the data plane's API server URL, e.g. endpoint: "https://203.0.113.10:6443", or set inCluster: true`;
        break;
      case "type":
        what = `must be ${e.params.type}, not ${typeOf(e.data, e.instancePath)}`;
        break;
      case "pattern":
      case "minLength":
      case "maxLength":
        what = `invalid value ${show(e.data, e.instancePath)}${e.keyword === "maxLength" ? ` (longer than ${e.params.limit} characters)` : ""}`;
        break;
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
        what = `${show(e.data, e.instancePath)} is out of range (${e.message})`;
        break;
      case "enum":
        what = `${show(e.data, e.instancePath)} is not one of ${e.params.allowedValues.map((x) => show(x)).join(", ")}`;
        break;
      case "const":
        what = `${show(e.data, e.instancePath)} is not allowed here (only ${show(e.params.allowedValue)})`;
        break;
      case "propertyNames":
        continue;
      // reported by the nested pattern error below, with the key
      default:
        what = e.message ?? e.keyword;
    }
    if (e.propertyName !== void 0) {
      pointer = `${e.instancePath}/${e.propertyName}`;
      what = `invalid name ${show(e.propertyName)}`;
    }
    if (hint.what) what = hint.what;
    out.push(error(coded(SCHEMA, at(pointer)), what, fix));
  }
  return out;
}

// plugin/config/secret-check.ts
function notBase64(e, at) {
  const key = e.instancePath.slice("/data/".length);
  return error(
    coded("secret.not-base64", at(e.instancePath)),
    `data.${key} is not base64: raw token or PEM text under \`data:\` is rejected by the API server (or decoded into garbage)`,
    `move ${key} under \`stringData:\` (raw text), or base64-encode it (\`base64 -w0\`; \`base64 -D\` is macOS-only)`
  );
}
function secretProblems(value, at) {
  const secret = value;
  if ((0, import_validators.validateSecret)(value)) return [];
  const data = (p) => {
    const [, , key] = p.split("/");
    const d = isObject(secret) && isObject(secret.data) ? secret.data : {};
    return key !== void 0 ? d[key] : void 0;
  };
  return (import_validators.validateSecret.errors ?? []).flatMap(
    (e) => e.instancePath.startsWith("/data/") && e.keyword === "pattern" ? [notBase64(e, at)] : schemaProblems([e], at, data)
  );
}

export {
  require_validators,
  schemaProblems,
  secretProblems
};
