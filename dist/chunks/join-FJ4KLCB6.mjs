#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  needsFor
} from "./chunk-BLVXKC3K.mjs";
import {
  ConcurrentChange,
  MANAGED_BY,
  RECORDS_ANNOTATION,
  clusterUid,
  deleteTokenSecret,
  deniedTo,
  ensureClusterRole,
  ensureClusterRoleBinding,
  ensureServiceAccount,
  ensureTokenSecret,
  hubStore,
  identityProblem,
  joinCreation,
  masked,
  parseRecords,
  propellerElsewhere,
  readDataPlane,
  refuseDuplicate,
  sortRecords,
  subjectOf,
  waitForToken
} from "./chunk-OCYD4UBY.mjs";
import "./chunk-RUAFNR4X.mjs";
import {
  restartDeployments
} from "./chunk-KNAG57LB.mjs";
import {
  addClusters,
  editValuesFile
} from "./chunk-A2A5ZGMQ.mjs";
import {
  cloudSide
} from "./chunk-SLPPMYKN.mjs";
import "./chunk-7WDKBT5S.mjs";
import "./chunk-RERYFOBX.mjs";
import "./chunk-BL5UEDJI.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  DEFAULT_NEEDS,
  DEFAULT_TOKEN_SECRET,
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  accessChecks,
  clusterRoleName,
  gr,
  minimalRules
} from "./chunk-LPW2GZIF.mjs";
import "./chunk-BJF2IVWH.mjs";
import "./chunk-QZFYKPST.mjs";
import "./chunk-3K7XD2Q2.mjs";
import "./chunk-SJEN32SM.mjs";
import {
  parseUntrusted
} from "./chunk-ZCDYBYK4.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  writeFileAtomic
} from "./chunk-WAQBF6VJ.mjs";
import {
  FILE_INPUT
} from "./chunk-CNWFL7ZM.mjs";
import {
  ensureNamespace
} from "./chunk-KEIB36ZM.mjs";
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  mapLimit
} from "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-PGTI4LGT.mjs";
import {
  dumpYaml,
  isYamlError
} from "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/secret-file.ts
import { chmodSync, existsSync } from "node:fs";
var HEADER = (ns, name) => `# Secret ${ns}/${name}: the data planes' tokens and CAs for FlyteAdmin, written by \`flytemc join --secret-out\`.
# It holds live credentials: seal it (kubeseal) or encrypt it (sops) before it goes to git, and keep
# this file out of git. Apply it as is with: kubectl apply --server-side -f FILE
`;
function readSecretFile(path, ns, name) {
  if (!existsSync(path)) return void 0;
  const text = readText(path);
  let v;
  try {
    v = parseUntrusted(text, path, FILE_INPUT, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError([error(path, `is not a Secret manifest (invalid YAML: ${e.reason})`, "pass another --secret-out FILE, or remove it")], EXIT.usage);
  }
  if (isObject(v) && isObject(v.sops))
    throw new FlytemcError(
      [
        error(
          path,
          "is encrypted by SOPS: its values cannot be merged",
          `decrypt it first (sops -d ${path} > plain.yaml) and merge into that, then encrypt again`
        )
      ],
      EXIT.usage
    );
  if (!isObject(v) || v.kind !== "Secret" || v.apiVersion !== "v1") {
    const kind = isObject(v) && typeof v.kind === "string" ? ` (a ${v.kind})` : "";
    throw new FlytemcError(
      [
        error(
          path,
          `is not a v1 Secret manifest${kind}: join cannot merge into it`,
          kind.includes("SealedSecret") ? "a SealedSecret cannot be read back: keep the plain Secret file (outside git) and seal it again after each join" : "pass another --secret-out FILE"
        )
      ],
      EXIT.usage
    );
  }
  const meta = isObject(v.metadata) ? v.metadata : {};
  if (meta.name !== name || (meta.namespace ?? ns) !== ns) {
    throw new FlytemcError(
      [
        error(
          path,
          `holds Secret ${String(meta.namespace ?? "?")}/${String(meta.name ?? "?")}, not ${ns}/${name}`,
          `pass -n ${String(meta.namespace)} and the matching --values, or another --secret-out FILE`
        )
      ],
      EXIT.usage
    );
  }
  const data = {};
  for (const [k, val] of Object.entries(isObject(v.data) ? v.data : {})) data[k] = Buffer.from(String(val), "base64").toString("utf8");
  for (const [k, val] of Object.entries(isObject(v.stringData) ? v.stringData : {})) data[k] = String(val);
  return { data, records: parseRecords({ metadata: { annotations: isObject(meta.annotations) ? meta.annotations : {} } }), text };
}
function manifest(ns, name, data, records) {
  const body = {
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: { name, namespace: ns, labels: { [MANAGED_BY]: "flytemc" }, annotations: { [RECORDS_ANNOTATION]: JSON.stringify(sortRecords(records)) } },
    data: Object.fromEntries(
      Object.keys(data).sort().map((k) => [k, Buffer.from(data[k], "utf8").toString("base64")])
    )
  };
  return HEADER(ns, name) + dumpYaml(body);
}
function secretFile(path, ns, name, merge, joining) {
  const cur = readSecretFile(path, ns, name);
  if (cur && !merge) {
    const mine = new Set(joining.flatMap((n) => [tokenKey(n), caKey(n)]));
    const others = Object.keys(cur.data).filter((k) => !mine.has(k));
    if (others.length) {
      throw new FlytemcError(
        [
          error(
            path,
            `already holds ${others.sort().join(", ")} of other clusters, which writing it anew would drop`,
            "add --merge to keep them, or pass another --secret-out FILE"
          )
        ],
        EXIT.usage
      );
    }
  }
  const data = merge && cur ? { ...cur.data } : {};
  const records = merge && cur ? { ...cur.records } : {};
  const object = `Secret ${ns}/${name}`;
  return {
    where: `file ${path} (${object})`,
    target: path,
    short: path,
    async read() {
      return { exists: !!cur, records };
    },
    async upsert(j, _plan, context) {
      refuseDuplicate(records, j.name, j.record.uid, context, `file ${path}`);
      const changed = j.token !== void 0 && data[tokenKey(j.name)] !== j.token || data[caKey(j.name)] !== j.caPem || JSON.stringify(records[j.name]) !== JSON.stringify(j.record);
      if (j.token !== void 0) data[tokenKey(j.name)] = j.token;
      data[caKey(j.name)] = j.caPem;
      records[j.name] = j.record;
      return changed;
    },
    flush(plan) {
      const text = manifest(ns, name, data, records);
      const action = !cur ? "create" : cur.text === text ? "unchanged" : "update";
      const before = cur ? masked(cur.data, cur.records) : "";
      plan.record({
        target: path,
        object,
        action,
        note: `mode 0600, ${Object.keys(records).length} cluster${Object.keys(records).length === 1 ? "" : "s"}; seal or encrypt it before it goes to git`,
        before,
        after: masked(data, records)
      });
      if (plan.dryRun) return;
      if (action !== "unchanged") writeFileAtomic(path, text, 384);
      else chmodSync(path, 384);
    }
  };
}

// plugin/cluster/join.ts
var ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;
function checkEndpoint(endpoint, where) {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError(
      [
        error(
          where,
          `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`,
          "pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)"
        )
      ],
      EXIT.invalid
    );
  }
  return trimSlashes(endpoint);
}
async function joinCluster(req, store, session) {
  const started = Date.now();
  const { namespace: ns, plan } = session;
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  say(`connecting to context ${req.context}`);
  const m = await session.reach.connect(req.context, session.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);
  const uid = await clusterUid(m);
  const creds = await store.read();
  refuseDuplicate(creds.records, req.name, uid, req.context, store.where);
  const known = creds.records[req.name];
  const warnings = [];
  const installed = await readDataPlane(m, ns);
  const identity = identityProblem(installed, req.name, req.context, req.force === true);
  if (identity?.severity === "error") throw new FlytemcError([identity], EXIT.failed);
  if (identity) warnings.push(identity);
  if (!installed.deployment && !installed.config) {
    const elsewhere = await propellerElsewhere(m, ns);
    if (elsewhere.length) {
      const p = error(
        `context ${req.context}`,
        `${req.force ? "--force: " : ""}flytepropeller runs in namespace ${elsewhere.join(", ")}, not in ${ns} (the namespace join acts in, from ${session.namespaceFrom}): FlyteAdmin's ServiceAccount and token belong in the data plane's namespace, and the hub Secret in FlyteAdmin's`,
        `rerun with -n ${elsewhere[0]}${req.force ? "" : ` (or --force to join in ${ns} anyway)`}`
      );
      if (!req.force) throw new FlytemcError([p], EXIT.failed);
      warnings.push({ ...p, severity: "warning" });
    }
  }
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? "check" : "skip",
    note: !installed.deployment ? `not installed yet: install the data plane with --name ${req.name}` : identity ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)` : installed.clusterId === req.name ? `reports as cluster ${JSON.stringify(req.name)}` : `reports the default cluster id ${JSON.stringify(installed.clusterId || "propeller")}, which FlyteAdmin accepts`
  });
  const needs = req.needs ?? DEFAULT_NEEDS;
  const creation = joinCreation(req.name, { release: req.release ?? "flyte", namespace: ns });
  const rules = req.rbac === "minimal" ? { rules: minimalRules(needs), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false };
  if (req.proxy) {
    const identity2 = req.proxy.proxy.identity;
    say(`ensuring RBAC for ${identity2}`);
    await ensureNamespace(m, ns, plan);
    if (identity2 === `system:serviceaccount:${ns}:${SERVICE_ACCOUNT}`) await ensureServiceAccount(m, ns, creation, plan);
    await ensureClusterRole(m, ns, creation, plan, rules);
    await ensureClusterRoleBinding(m, ns, creation, plan, subjectOf(identity2));
    return joinForProxy(req, req.proxy, { m, endpoint, uid, known, warnings, store, session, started });
  }
  say("ensuring ServiceAccount, RBAC and token Secret");
  await ensureNamespace(m, ns, plan);
  await ensureServiceAccount(m, ns, creation, plan);
  await ensureClusterRole(m, ns, creation, plan, rules);
  await ensureClusterRoleBinding(m, ns, creation, plan);
  const tokenSecret = known?.tokenSecret || DEFAULT_TOKEN_SECRET;
  const made = await ensureTokenSecret(m, ns, tokenSecret, creation, plan);
  if (made === "planned") {
    plan.record({
      target: req.context,
      object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      action: "skip",
      note: "would wait for the token controller, then prove the token before touching the hub"
    });
    plan.record({
      target: store.target,
      object: `Secret ${ns}/${session.secretName}`,
      action: creds.exists ? "update" : "create",
      note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)`
    });
    return { name: req.name, context: req.context, endpoint, hubChanged: true, warnings, ms: Date.now() - started };
  }
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(m, ns, tokenSecret, session.tokenTimeoutMs);
  say(`proving the token against ${endpoint}`);
  const checks = accessChecks(needs);
  const proof = await session.reach.proveToken(
    endpoint,
    issued.token,
    [
      { source: "kubeconfig", pem: m.caPem },
      { source: "ca.crt", pem: issued.caCrt }
    ],
    session.kube.timeoutMs,
    checks
  );
  if (!proof.result.ok) {
    throw new FlytemcError(
      [
        error(
          `cluster ${req.name} (${endpoint})`,
          `the token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} does not work: ${proof.result.what}`,
          `${proof.result.fix ?? ""}; ${store.short} was not changed`
        )
      ],
      EXIT.failed
    );
  }
  plan.record({
    target: req.context,
    object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
    action: "check",
    note: `ok: ${proof.result.user ?? "authenticated"} over TLS verified with the ${proof.source} CA; ${proof.result.permissionsBy ?? "permissions proven"}`
  });
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record = { uid, endpoint, tokenSecret, namespace: ns };
  let hubChanged;
  try {
    hubChanged = await store.upsert(
      { name: req.name, token: issued.token, caPem: proof.pem, record, ...known ? { expectTokenSecret: known.tokenSecret } : {} },
      plan,
      req.context
    );
  } catch (e) {
    if (e instanceof ConcurrentChange && made === "created") await deleteTokenSecret(m, ns, tokenSecret, plan, "the hub holds a newer token");
    throw e;
  }
  say(hubChanged ? plan.dryRun ? `would update ${store.short}` : "joined" : "already joined: nothing changed");
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: proof.source, warnings, ms: Date.now() - started };
}
async function joinForProxy(req, p, o) {
  const { m, endpoint, store, session, warnings } = o;
  const { namespace: ns, plan } = session;
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const where = `cluster ${req.name} (${endpoint})`;
  const caPem = m.caPem;
  if (!caPem)
    throw new FlytemcError(
      [error(where, "no CA to verify the API server with: the kubeconfig names none", "add certificate-authority-data to the kubeconfig cluster")],
      EXIT.failed
    );
  say(`checking ${endpoint} over TLS with the kubeconfig's CA`);
  const reached = await session.reach.reachServer(endpoint, caPem, session.kube.timeoutMs);
  if (!reached.tls)
    throw new FlytemcError(
      [error(where, `the credential proxy could not reach it: ${reached.what}`, `${reached.fix}; ${store.short} was not changed`)],
      EXIT.failed
    );
  const identity = p.proxy.identity;
  const checks = accessChecks(req.needs ?? DEFAULT_NEEDS);
  say(`asking whether ${identity} may do what FlyteAdmin needs`);
  const denied = await deniedTo(m, identity, checks);
  if (denied.length && !plan.dryRun)
    throw new FlytemcError(
      [
        error(
          where,
          `user ${identity} may not, of what FlyteAdmin needs (${denied.length} of ${checks.length} SubjectAccessReviews denied): ${denied.map((c) => `${c.verb} ${gr(c)}`).join(", ")}`,
          `bind ClusterRole ${clusterRoleName(ns)} to it (join does; was the ClusterRoleBinding changed meanwhile?); ${store.short} was not changed`
        )
      ],
      EXIT.failed
    );
  plan.record({
    target: req.context,
    object: `user ${identity}`,
    action: "check",
    note: denied.length ? "its permissions are asked (SubjectAccessReview) on the real run, once the binding exists" : `may do all ${checks.length} (resource, verb) pairs FlyteAdmin uses (SubjectAccessReviews); the API server verified over TLS with the kubeconfig's CA; credentials: short-lived, from ${p.proxy.exec.command} in FlyteAdmin's pods`
  });
  if (o.known?.tokenSecret)
    warnings.push(
      warning(
        `${store.where}: ${tokenKey(req.name)}`,
        `${req.name} was joined with a long-lived token (Secret ${ns}/${o.known.tokenSecret} in ${req.context}), which FlyteAdmin reads until the control plane is upgraded with the credential proxy; it stays until then`,
        `after that upgrade, remove the key ${tokenKey(req.name)} from ${store.where} and revoke the token: kubectl --context ${req.context} -n ${ns} delete secret ${o.known.tokenSecret} (flytemc check reports it until then)`
      )
    );
  say(`writing ${caKey(req.name)} into ${store.short}`);
  const record = { uid: o.uid, endpoint, tokenSecret: o.known?.tokenSecret ?? "", namespace: ns, auth: p.auth };
  const hubChanged = await store.upsert({ name: req.name, caPem, record }, plan, req.context);
  say(hubChanged ? plan.dryRun ? `would update ${store.short}` : "joined" : "already joined: nothing changed");
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: "kubeconfig", warnings, ms: Date.now() - o.started };
}
async function joinClusters(requests, o, session) {
  const { plan, hub, namespace } = session;
  const { needs } = await needsFor(hub, namespace, o.valuesFile);
  const file = o.secretOut ? secretFile(
    o.secretOut.path,
    namespace,
    session.secretName,
    o.secretOut.merge,
    requests.map((r) => r.name)
  ) : void 0;
  const store = file ?? hubStore(hub, namespace, session.secretName, plan);
  const started = Date.now();
  const results = await mapLimit(
    requests,
    o.parallel,
    (r) => joinCluster({ ...r, force: o.force, needs, ...o.rbac ? { rbac: o.rbac } : {}, ...o.release ? { release: o.release } : {} }, store, session)
  );
  const failures = [];
  let exitCode = EXIT.ok;
  const joined = results.flatMap((res, i) => {
    if (res.status === "fulfilled") return [res.value];
    const e = res.reason;
    if (!(e instanceof FlytemcError)) throw e;
    failures.push(...e.problems);
    exitCode = Math.max(exitCode, e.exitCode === EXIT.invalid ? EXIT.failed : e.exitCode);
    session.progress.step(requests[i].name, "failed");
    return [];
  });
  const warnings = joined.flatMap((j) => j.warnings);
  const entries = joined.map((j) => {
    const req = requests.find((r) => r.name === j.name);
    return { name: j.name, endpoint: j.endpoint, routes: req.routes, ...req.proxy ? { credentialProxy: req.proxy.proxy } : {} };
  });
  const cloud = joined.flatMap((j) => {
    const p = requests.find((r) => r.name === j.name).proxy;
    return p ? [cloudSide(p, { name: j.name, namespace, clusterRole: clusterRoleName(namespace) })] : [];
  });
  let recorded = false;
  if (o.valuesFile && entries.length) {
    const path = o.valuesFile;
    const edit = await editValuesFile(path, (values) => addClusters(values, entries, path), { dryRun: session.dryRun });
    plan.record({
      target: path,
      object: "multicluster.clusters",
      action: edit.changed ? edit.created ? "create" : "update" : "unchanged",
      before: edit.before,
      after: edit.after,
      note: requests.map((r) => r.name).join(", ")
    });
    if (edit.changed && !edit.commentsKept)
      warnings.push(warning(path, "rewritten as plain YAML: its layout could not be edited in place, so comments were dropped"));
    recorded = edit.changed;
  }
  const hubChanged = joined.some((j) => j.hubChanged);
  const why = requests.some((r) => r.proxy) ? "FlyteAdmin and its credential proxies read the credentials Secret only at start-up" : "FlyteAdmin reads token files only at start-up";
  if (file && joined.length) file.flush(plan);
  if (o.restart && hubChanged && hub) {
    await restartDeployments(hub, namespace, plan, why);
  } else if (hubChanged && !o.restart && joined.length && !session.dryRun && !file) {
    warnings.push(
      warning(
        `hub ${session.hubContext}`,
        why,
        "pass --restart, or helm upgrade the control plane with the recorded values (which restarts it when the cluster list changes)"
      )
    );
  }
  return { joined, failures, warnings, exitCode, recorded, entries, cloudSide: cloud, ms: Date.now() - started };
}
export {
  checkEndpoint,
  joinClusters
};
