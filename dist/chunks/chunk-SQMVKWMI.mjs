#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/workload-identity.ts
var PROXY_AUTHS = ["eks", "gke", "exec"];
var EKS_USER = "flytemc-flyteadmin";
var EXEC_API = "client.authentication.k8s.io/v1beta1";
var EXEC_FLAGS = ["exec-command", "exec-arg", "exec-env"];
var NO_SPACE = /^[^\s{}]+$/;
function proxyJoin(f) {
  const given = (k) => f[k] !== void 0 && !(Array.isArray(f[k]) && f[k].length === 0);
  if (f.auth === "token") {
    const stray = ["identity", "eks-cluster", "region", "gcp-service-account", ...EXEC_FLAGS, "proxy-image", "proxy-port"].filter(given);
    if (stray.length)
      throw new UsageError(`--${stray[0]} goes with --auth eks, gke or exec (a credential proxy); --auth token (the default) joins with a long-lived token`);
    return void 0;
  }
  if (!PROXY_AUTHS.includes(f.auth)) throw new UsageError(`--auth ${JSON.stringify(f.auth)}: use token (the default), eks, gke or exec`);
  const auth = f.auth;
  if (auth !== "exec") {
    const stray = EXEC_FLAGS.filter(given);
    if (stray.length)
      throw new UsageError(`--${stray[0]} goes with --auth exec; --auth ${auth} runs ${auth === "eks" ? "aws eks get-token" : "gke-gcloud-auth-plugin"}`);
  }
  if (auth !== "eks" && (given("eks-cluster") || given("region"))) throw new UsageError(`--${given("region") ? "region" : "eks-cluster"} goes with --auth eks`);
  if (auth !== "gke" && given("gcp-service-account")) throw new UsageError("--gcp-service-account goes with --auth gke");
  const port = f["proxy-port"] === void 0 ? void 0 : Number(f["proxy-port"]);
  if (port !== void 0 && (!Number.isInteger(port) || port < 1024 || port > 65535))
    throw new UsageError(
      `--proxy-port ${JSON.stringify(f["proxy-port"])}: use a port from 1024 to 65535 (the proxy listens on 127.0.0.1 in FlyteAdmin's pods)`
    );
  const image = f["proxy-image"];
  if (image !== void 0 && !NO_SPACE.test(image))
    throw new UsageError(`--proxy-image ${JSON.stringify(image)}: write an image reference, e.g. registry.example.com/kubectl-aws:1.32`);
  const extra = { ...image ? { image } : {}, ...port !== void 0 ? { port } : {} };
  if (auth === "eks") {
    if (!f.region) throw new UsageError("--auth eks needs --region REGION (the data plane cluster's AWS region, for aws eks get-token)");
    const cluster = f["eks-cluster"] ?? f.name;
    const exec2 = {
      apiVersion: EXEC_API,
      command: "aws",
      args: ["--region", f.region, "eks", "get-token", "--cluster-name", cluster, "--output", "json"]
    };
    return { auth, proxy: { exec: exec2, identity: f.identity ?? EKS_USER, ...extra }, eks: { cluster, region: f.region } };
  }
  if (auth === "gke") {
    const gsa = f["gcp-service-account"];
    if (!gsa || !/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/.test(gsa))
      throw new UsageError(
        "--auth gke needs --gcp-service-account EMAIL (the Google service account FlyteAdmin's pods act as, e.g. flyteadmin@my-project.iam.gserviceaccount.com)"
      );
    const exec2 = { apiVersion: EXEC_API, command: "gke-gcloud-auth-plugin", provideClusterInfo: true };
    return { auth, proxy: { exec: exec2, identity: f.identity ?? gsa, ...extra }, gcpServiceAccount: gsa };
  }
  const command = f["exec-command"];
  if (!command)
    throw new UsageError("--auth exec needs --exec-command CMD (the client-go exec plugin the proxy runs, e.g. --exec-command aws --exec-arg eks ...)");
  if (!f.identity)
    throw new UsageError(
      "--auth exec needs --identity USER: the Kubernetes user name the plugin's credentials give (e.g. system:serviceaccount:flyte:flyteadmin)"
    );
  const env = (f["exec-env"] ?? []).map((e) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(e);
    if (!m) throw new UsageError(`--exec-env ${JSON.stringify(e)}: use NAME=VALUE`);
    return { name: m[1], value: m[2] };
  });
  const exec = { apiVersion: EXEC_API, command, ...f["exec-arg"]?.length ? { args: f["exec-arg"] } : {}, ...env.length ? { env } : {} };
  return { auth, proxy: { exec, identity: f.identity, ...extra } };
}
function cloudSide(j, o) {
  const who = `FlyteAdmin's pods in the control plane (ServiceAccount ${o.namespace}/flyteadmin: Deployments flyteadmin and syncresources)`;
  const bound = `join bound ClusterRole ${o.clusterRole} in ${o.name} to user ${j.proxy.identity}`;
  if (j.auth === "eks") {
    const role = `arn:aws:iam::<CONTROL_PLANE_ACCOUNT>:role/flytemc-flyteadmin`;
    const issuer = "<CONTROL_PLANE_OIDC_ISSUER>";
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::<CONTROL_PLANE_ACCOUNT>:oidc-provider/${issuer}` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${o.namespace}:flyteadmin`, [`${issuer}:aud`]: "sts.amazonaws.com" } }
        }
      ]
    });
    return `${o.name}: the cloud side (EKS ${j.eks.cluster}, ${j.eks.region}), for you to run with your AWS credentials; flytemc does not call AWS, and this recipe was not tried against a cloud:
  # 1. an IAM role for ${who}, trusted through the control plane's OIDC provider (IRSA)
  #    (aws eks describe-cluster --name <CONTROL_PLANE> --query cluster.identity.oidc.issuer gives the issuer, without https://)
  cat > flytemc-flyteadmin-trust.json <<'EOF'
  ${trust}
  EOF
  aws iam create-role --role-name flytemc-flyteadmin --assume-role-policy-document file://flytemc-flyteadmin-trust.json
  #    the control plane's values: flyte-core.flyteadmin.serviceAccount.annotations: {eks.amazonaws.com/role-arn: ${role}}
  #    (EKS Pod Identity instead of IRSA: trust pods.eks.amazonaws.com (sts:AssumeRole, sts:TagSession), then
  #    aws eks create-pod-identity-association --cluster-name <CONTROL_PLANE> --namespace ${o.namespace} --service-account flyteadmin --role-arn ${role})
  # 2. ${o.name} lets that role in as user ${j.proxy.identity} (${bound}); it needs no IAM permission of its own
  aws eks create-access-entry --cluster-name ${j.eks.cluster} --region ${j.eks.region} --principal-arn ${role} --username ${j.proxy.identity}
  #    (a cluster on the aws-auth ConfigMap instead: mapRoles: [{rolearn: ${role}, username: ${j.proxy.identity}}])
`;
  }
  if (j.auth === "gke") {
    const gsa = j.gcpServiceAccount;
    return `${o.name}: the cloud side (GKE), for you to run with your Google Cloud credentials; flytemc does not call Google Cloud, and this recipe was not tried against a cloud:
  # 1. ${who} act as ${gsa} (workload identity; the control plane's node pools run with it on)
  gcloud iam service-accounts add-iam-policy-binding ${gsa} --role roles/iam.workloadIdentityUser --member "serviceAccount:<CONTROL_PLANE_PROJECT>.svc.id.goog[${o.namespace}/flyteadmin]"
  #    the control plane's values: flyte-core.flyteadmin.serviceAccount.annotations: {iam.gke.io/gcp-service-account: ${gsa}}
  # 2. ${gsa} may get credentials for ${o.name}'s cluster; RBAC there says what it may do (${bound})
  gcloud projects add-iam-policy-binding <DATA_PLANE_PROJECT> --member serviceAccount:${gsa} --role roles/container.clusterViewer
`;
  }
  return `${o.name}: the exec plugin ${j.proxy.exec.command} must run in the proxy's image and give ${who} credentials of user ${j.proxy.identity} (${bound})
`;
}

export {
  proxyJoin,
  cloudSide
};
