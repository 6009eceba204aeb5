#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-PXOMBRJH.mjs";

// plugin/helm/install-args.ts
var OWN_VALUE = {
  "--cloud": "cloud",
  "--name": "name",
  "--admin-endpoint": "adminEndpoint",
  "--release": "release",
  "-n": "namespace",
  "--namespace": "namespace",
  "--kube-context": "kubeContext",
  "--chart": "chart"
};
var OWN_FLAG = { "--template": "template", "--print": "print", "--debug": "debug" };
function checkCloud(v) {
  if (v === "aws") throw new UsageError("--cloud aws: there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS", "use --cloud eks");
  if (v !== "eks" && v !== "gcp") throw new UsageError(`--cloud ${JSON.stringify(v)}: use eks or gcp`);
  return v;
}
function parseRole(role) {
  if (role === "control-plane" || role === "data-plane") return role;
  throw new UsageError(
    role === void 0 ? "say what to install: control-plane or data-plane" : `unknown role ${JSON.stringify(role)}: use control-plane or data-plane`
  );
}
function helmWord(a, next, optionBefore) {
  if (a === "--post-renderer" || a.startsWith("--post-renderer="))
    throw new UsageError("install sets --post-renderer itself; to add arguments use --post-renderer-args");
  if (a === "--create-namespace" && next !== void 0 && !next.startsWith("-")) {
    throw new UsageError(
      `--create-namespace ${next}: --create-namespace is a flag and takes no value, so ${JSON.stringify(next)} would become a stray argument and \`helm upgrade\` would fail (the upstream guide's mistake)`,
      `use --namespace ${next} --create-namespace`
    );
  }
  if (!a.startsWith("-") && !optionBefore)
    throw new UsageError(
      `stray argument ${JSON.stringify(a)}: install passes the release and the chart to Helm itself`,
      /\.ya?ml$/.test(a) ? `pass values files with -f: -f ${a}` : "remove it, or use --release NAME / --chart PATH"
    );
}
function checkInstallArgs(p) {
  if (p.role === "data-plane" && !p.name)
    throw new UsageError(
      "a data plane needs its cluster name: FlyteAdmin drops events from a data plane whose flytepropeller.clusterName differs from its clusterConfigs name",
      "add --name NAME (the name the control plane lists it under, e.g. --name dp1)"
    );
  if (p.role === "control-plane" && p.name) throw new UsageError("--name is for data planes; a control plane lists its data planes in multicluster.clusters");
  if (p.role === "control-plane" && p.adminEndpoint)
    throw new UsageError("--admin-endpoint is for data planes: it tells their flytepropeller where this control plane's FlyteAdmin is");
  if (p.adminEndpoint !== void 0 && !/^(dns:\/\/\/)?[A-Za-z0-9.\-[\]:]+$/.test(p.adminEndpoint))
    throw new UsageError(
      `--admin-endpoint ${p.adminEndpoint}: not a gRPC address flytepropeller can dial`,
      "write it as dns:///HOST:PORT, e.g. --admin-endpoint dns:///flyte.example.com:443 (no https://)"
    );
  if (p.name !== void 0 && /[,=\s{}[\]]/.test(p.name))
    throw new UsageError(`--name ${JSON.stringify(p.name)}: a cluster name cannot contain ',', '=', spaces or brackets`);
}
function parseInstallArgs(argv) {
  const args = [...argv];
  const p = { role: parseRole(args.shift()), release: "flyte", template: false, print: false, pass: [] };
  let optionBefore = false;
  while (args.length) {
    const a = args.shift();
    if (a === "--") {
      p.pass.push(...args.splice(0));
      break;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : void 0;
    const field = OWN_VALUE[flag];
    if (field) {
      const v = inline ?? args.shift();
      if (v === void 0 || inline === void 0 && v.startsWith("-")) throw new UsageError(`${flag} needs a value`);
      if (field === "cloud") p.cloud = checkCloud(v);
      else p[field] = v;
    } else if (OWN_FLAG[a]) p[OWN_FLAG[a]] = true;
    else {
      helmWord(a, args[0], optionBefore);
      p.pass.push(a);
      optionBefore = a.startsWith("-") && inline === void 0 && !/^-[A-Za-z]./.test(a);
      continue;
    }
    optionBefore = false;
  }
  checkInstallArgs(p);
  return p;
}
function valuesFilesOf(pass) {
  const out = [];
  pass.forEach((a, i) => {
    const m = /^(?:-f|--values)(?:=(.+))?$/.exec(a) ?? /^-f(.+)$/.exec(a);
    const f = m ? m[1] ?? pass[i + 1] : void 0;
    if (f) out.push(...f.split(","));
  });
  return out.filter((f) => f !== "-" && !/^[a-z]+:\/\//.test(f));
}

export {
  checkCloud,
  parseInstallArgs,
  valuesFilesOf
};
