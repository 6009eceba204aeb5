#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ensureClusterRole,
  ensureClusterRoleBinding,
  ensureServiceAccount,
  subjectOf
} from "./chunk-DBJQTP3W.mjs";
import {
  deleteTokenSecret,
  ensureTokenSecret,
  waitForToken
} from "./chunk-LH5EZZJM.mjs";
import {
  needsFor
} from "./chunk-PJA3KWT7.mjs";
import "./chunk-TWYTLRT5.mjs";
import {
  ConcurrentChange,
  MANAGED_BY,
  RECORDS_ANNOTATION,
  clusterUid,
  deniedTo,
  hubStore,
  identityProblem,
  joinCreation,
  masked,
  parseRecords,
  propellerElsewhere,
  readDataPlane,
  refuseDuplicate,
  sortRecords
} from "./chunk-6Z6ZYMU5.mjs";
import "./chunk-Q6QQLQ23.mjs";
import {
  restartDeployments
} from "./chunk-QRMUNPSA.mjs";
import {
  cloudSide
} from "./chunk-SQMVKWMI.mjs";
import {
  notedIn
} from "./chunk-I6QFSPIF.mjs";
import {
  addClusters,
  editValuesFile,
  snippet
} from "./chunk-QPZTICO7.mjs";
import "./chunk-EMYUWFA7.mjs";
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
import {
  ensureNamespace
} from "./chunk-QWUGYWBM.mjs";
import {
  formatPlan,
  mapLimit
} from "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  writeFileAtomic
} from "./chunk-FIS3OFIC.mjs";
import {
  FILE_INPUT
} from "./chunk-QVD5WBXB.mjs";
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  dumpYaml,
  isYamlError
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  errorsIn,
  formatProblem,
  warning
} from "./chunk-PXOMBRJH.mjs";
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
    throw new FlytemcError(
      [
        error(
          { file: path, code: "secret-file.unreadable" },
          `is not a Secret manifest (invalid YAML: ${e.reason})`,
          "pass another --secret-out FILE, or remove it"
        )
      ],
      EXIT.usage
    );
  }
  if (isObject(v) && isObject(v.sops))
    throw new FlytemcError(
      [
        error(
          { file: path, code: "secret-file.encrypted" },
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
          { file: path, code: "secret-file.kind" },
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
          { file: path, code: "secret-file.other-secret" },
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
            { file: path, code: "secret-file.other-clusters" },
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

// plugin/cluster/join-member.ts
var ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;
function checkEndpoint(endpoint, where) {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError(
      [
        error(
          { code: "join.endpoint", subject: where },
          `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`,
          "pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)"
        )
      ],
      EXIT.invalid
    );
  }
  return trimSlashes(endpoint);
}
var progressOf = (req, session) => (msg) => session.progress.step(req.name, msg, req.context);
async function refuseOtherNamespace(req, m, session, warnings) {
  const ns = session.namespace;
  const elsewhere = await propellerElsewhere(m, ns);
  if (!elsewhere.length) return;
  const p = error(
    { code: "join.namespace", subject: notedIn(session, `context ${req.context}`, req.context) },
    `${req.force ? "--force: " : ""}flytepropeller runs in namespace ${elsewhere.join(", ")}, not in ${ns} (the namespace join acts in, from ${session.namespaceFrom}): FlyteAdmin's ServiceAccount and token belong in the data plane's namespace, and the hub Secret in FlyteAdmin's`,
    `rerun with -n ${elsewhere[0]}${req.force ? "" : ` (or --force to join in ${ns} anyway)`}`
  );
  if (!req.force) throw new FlytemcError([p], EXIT.failed);
  warnings.push({ ...p, severity: "warning" });
}
async function identify(req, store, session) {
  const started = Date.now();
  const { namespace: ns, plan } = session;
  progressOf(req, session)(`connecting to context ${req.context}`);
  const m = await session.reach.connect(req.context, session.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);
  const uid = await clusterUid(m);
  const creds = await store.read();
  refuseDuplicate(creds.records, req.name, uid, req.context, store.where);
  const warnings = [];
  const installed = await readDataPlane(m, ns);
  const identity = identityProblem(installed, req.name, req.context, req.force === true);
  if (identity?.severity === "error") throw new FlytemcError([identity], EXIT.failed);
  if (identity) warnings.push(identity);
  if (!installed.deployment && !installed.config) await refuseOtherNamespace(req, m, session, warnings);
  const reports = installed.clusterId === req.name ? `reports as cluster ${JSON.stringify(req.name)}` : `reports the default cluster id ${JSON.stringify(installed.clusterId || "propeller")}, which FlyteAdmin accepts`;
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? "check" : "skip",
    note: !installed.deployment ? `not installed yet: install the data plane with --name ${req.name}` : identity ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)` : reports
  });
  return { m, endpoint, uid, known: creds.records[req.name], storeExists: creds.exists, warnings, started };
}
async function ensureRbac(req, m, session, creation) {
  const { namespace: ns, plan } = session;
  const rules = req.rbac === "minimal" ? { rules: minimalRules(req.needs ?? DEFAULT_NEEDS), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false };
  const identity = req.proxy?.proxy.identity;
  await ensureNamespace(m, ns, plan);
  if (!identity || identity === `system:serviceaccount:${ns}:${SERVICE_ACCOUNT}`) await ensureServiceAccount(m, ns, creation, plan);
  await ensureClusterRole(m, ns, creation, plan, rules);
  await ensureClusterRoleBinding(m, ns, creation, plan, ...identity ? [subjectOf(identity)] : []);
}
function plannedOnly(req, member, store, session) {
  const { namespace: ns, plan } = session;
  plan.record({
    target: req.context,
    object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
    action: "skip",
    note: "would wait for the token controller, then prove the token before touching the hub"
  });
  plan.record({
    target: store.target,
    object: `Secret ${ns}/${session.secretName}`,
    action: member.storeExists ? "update" : "create",
    note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)`
  });
  return { name: req.name, context: req.context, endpoint: member.endpoint, hubChanged: true, warnings: member.warnings, ms: Date.now() - member.started };
}
async function prove(req, member, token, store, session) {
  const { namespace: ns, plan } = session;
  const { m, endpoint } = member;
  progressOf(req, session)(`proving the token against ${endpoint}`);
  const cas = [
    { source: "kubeconfig", pem: m.caPem },
    { source: "ca.crt", pem: token.caCrt }
  ];
  const proof = await session.reach.proveToken(endpoint, token.token, cas, session.kube.timeoutMs, accessChecks(req.needs ?? DEFAULT_NEEDS));
  if (!proof.result.ok) {
    throw new FlytemcError(
      [
        error(
          { code: "join.token", subject: `cluster ${req.name} (${endpoint})` },
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
  return proof;
}
function sayStored(req, session, store, changed) {
  progressOf(req, session)(changed ? session.plan.dryRun ? `would update ${store.short}` : "joined" : "already joined: nothing changed");
  return changed;
}
async function joinWithToken(req, member, store, session, creation) {
  const { namespace: ns, plan } = session;
  const say = progressOf(req, session);
  say("ensuring ServiceAccount, RBAC and token Secret");
  await ensureRbac(req, member.m, session, creation);
  const tokenSecret = member.known?.tokenSecret || DEFAULT_TOKEN_SECRET;
  const made = await ensureTokenSecret(member.m, ns, tokenSecret, creation, plan);
  if (made === "planned") return plannedOnly(req, member, store, session);
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(member.m, ns, tokenSecret, session.tokenTimeoutMs);
  const proof = await prove(req, member, issued, store, session);
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record = { uid: member.uid, endpoint: member.endpoint, tokenSecret, namespace: ns };
  const expect = member.known ? { expectTokenSecret: member.known.tokenSecret } : {};
  let changed;
  try {
    changed = await store.upsert({ name: req.name, token: issued.token, caPem: proof.pem, record, ...expect }, plan, req.context);
  } catch (e) {
    if (e instanceof ConcurrentChange && made === "created") await deleteTokenSecret(member.m, ns, tokenSecret, plan, "the hub holds a newer token");
    throw e;
  }
  const hubChanged = sayStored(req, session, store, changed);
  return {
    name: req.name,
    context: req.context,
    endpoint: member.endpoint,
    hubChanged,
    caSource: proof.source,
    warnings: member.warnings,
    ms: Date.now() - member.started
  };
}

// plugin/cluster/join-proxy.ts
async function reachWithCa(req, member, store, session) {
  const { m, endpoint } = member;
  const subject = `cluster ${req.name} (${endpoint})`;
  const caPem = m.caPem;
  if (!caPem)
    throw new FlytemcError(
      [
        error(
          { code: "join.proxy-ca", subject },
          "no CA to verify the API server with: the kubeconfig names none",
          "add certificate-authority-data to the kubeconfig cluster"
        )
      ],
      EXIT.failed
    );
  progressOf(req, session)(`checking ${endpoint} over TLS with the kubeconfig's CA`);
  const reached = await session.reach.reachServer(endpoint, caPem, session.kube.timeoutMs);
  if (!reached.tls)
    throw new FlytemcError(
      [
        error(
          { code: "join.proxy-unreachable", subject },
          `the credential proxy could not reach it: ${reached.what}`,
          `${reached.fix}; ${store.short} was not changed`
        )
      ],
      EXIT.failed
    );
  return caPem;
}
async function checkIdentity(req, p, member, store, session) {
  const { namespace: ns, plan } = session;
  const identity = p.proxy.identity;
  const checks = accessChecks(req.needs ?? DEFAULT_NEEDS);
  progressOf(req, session)(`asking whether ${identity} may do what FlyteAdmin needs`);
  const denied = await deniedTo(member.m, identity, checks);
  if (denied.length && !plan.dryRun)
    throw new FlytemcError(
      [
        error(
          { code: "join.proxy-permissions", subject: `cluster ${req.name} (${member.endpoint})` },
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
}
function keptToken(req, known, store, ns) {
  return warning(
    { code: "join.proxy-old-token", subject: `${store.where}: ${tokenKey(req.name)}` },
    `${req.name} was joined with a long-lived token (Secret ${ns}/${known.tokenSecret} in ${req.context}), which FlyteAdmin reads until the control plane is upgraded with the credential proxy; it stays until then`,
    `after that upgrade, remove the key ${tokenKey(req.name)} from ${store.where} and revoke the token: kubectl --context ${req.context} -n ${ns} delete secret ${known.tokenSecret} (flytemc check reports it until then)`
  );
}
async function joinForProxy(req, p, member, store, session, creation) {
  const { namespace: ns, plan } = session;
  progressOf(req, session)(`ensuring RBAC for ${p.proxy.identity}`);
  await ensureRbac(req, member.m, session, creation);
  const caPem = await reachWithCa(req, member, store, session);
  await checkIdentity(req, p, member, store, session);
  const { known, warnings } = member;
  if (known?.tokenSecret) warnings.push(keptToken(req, known, store, ns));
  progressOf(req, session)(`writing ${caKey(req.name)} into ${store.short}`);
  const record = { uid: member.uid, endpoint: member.endpoint, tokenSecret: known?.tokenSecret ?? "", namespace: ns, auth: p.auth };
  const hubChanged = sayStored(req, session, store, await store.upsert({ name: req.name, caPem, record }, plan, req.context));
  return { name: req.name, context: req.context, endpoint: member.endpoint, hubChanged, caSource: "kubeconfig", warnings, ms: Date.now() - member.started };
}

// plugin/cluster/join.ts
async function joinCluster(req, store, session) {
  const member = await identify(req, store, session);
  const creation = joinCreation(req.name, { release: req.release ?? "flyte", namespace: session.namespace });
  return req.proxy ? joinForProxy(req, req.proxy, member, store, session, creation) : joinWithToken(req, member, store, session, creation);
}
function collect(requests, results, session) {
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
  return { joined, failures, exitCode };
}
async function recordValues(path, entries, requests, session, warnings) {
  const edit = await editValuesFile(path, (values) => addClusters(values, entries, path), { dryRun: session.dryRun });
  session.plan.record({
    target: path,
    object: "multicluster.clusters",
    action: edit.changed ? edit.created ? "create" : "update" : "unchanged",
    before: edit.before,
    after: edit.after,
    note: requests.map((r) => r.name).join(", ")
  });
  if (edit.changed && !edit.commentsKept)
    warnings.push(
      warning({ code: "join.values-rewritten", file: path }, "rewritten as plain YAML: its layout could not be edited in place, so comments were dropped")
    );
  return edit.changed;
}
async function restartOrWarn(o, requests, report, session) {
  const { hub, namespace, plan } = session;
  const hubChanged = report.joined.some((j) => j.hubChanged);
  const why = requests.some((r) => r.proxy) ? "FlyteAdmin and its credential proxies read the credentials Secret only at start-up" : "FlyteAdmin reads token files only at start-up";
  if (o.restart && hubChanged && hub) await restartDeployments(hub, namespace, plan, why);
  else if (hubChanged && !o.restart && report.joined.length && !session.dryRun && !o.secretOut)
    report.warnings.push(
      warning(
        { code: "join.restart", subject: `hub ${session.hubContext}` },
        why,
        "pass --restart, or helm upgrade the control plane with the recorded values (which restarts it when the cluster list changes)"
      )
    );
}
async function joinClusters(requests, o, session) {
  const { plan, hub, namespace } = session;
  const { needs } = await needsFor(hub, namespace, o.valuesFile);
  const names = requests.map((r) => r.name);
  const file = o.secretOut ? secretFile(o.secretOut.path, namespace, session.secretName, o.secretOut.merge, names) : void 0;
  const store = file ?? hubStore(hub, namespace, session.secretName, plan);
  const started = Date.now();
  const settings = { force: o.force, needs, ...o.rbac ? { rbac: o.rbac } : {}, ...o.release ? { release: o.release } : {} };
  const results = await mapLimit(requests, o.parallel, (r) => joinCluster({ ...r, ...settings }, store, session));
  const { joined, failures, exitCode } = collect(requests, results, session);
  const warnings = joined.flatMap((j) => j.warnings);
  const requestOf = (j) => requests.find((r) => r.name === j.name);
  const entries = joined.map((j) => {
    const req = requestOf(j);
    return { name: j.name, endpoint: j.endpoint, routes: req.routes, ...req.proxy ? { credentialProxy: req.proxy.proxy } : {} };
  });
  const cloud = joined.flatMap((j) => {
    const p = requestOf(j).proxy;
    return p ? [cloudSide(p, { name: j.name, namespace, clusterRole: clusterRoleName(namespace) })] : [];
  });
  const recorded = o.valuesFile && entries.length ? await recordValues(o.valuesFile, entries, requests, session, warnings) : false;
  if (file && joined.length) file.flush(plan);
  await restartOrWarn(o, requests, { joined, warnings }, session);
  return { joined, failures, warnings, exitCode, recorded, entries, cloudSide: cloud, ms: Date.now() - started };
}
function joinSummary(report, asked, session) {
  const { namespace, secretName, dryRun: dry } = session;
  const joined = report.joined.length;
  const into = asked.secretOut ? `into ${asked.secretOut} (Secret ${namespace}/${secretName}; the hub was not contacted)` : `into ${notedIn(session, `hub ${session.hubContext}`, session.hubContext)} (Secret ${namespace}/${secretName})`;
  const reexport = asked.secretOut ? `, or export the control plane again (flytemc export ... -f ${asked.values})` : "";
  const fileNote = report.recorded ? `
${dry ? "would record" : "recorded"} ${report.entries.map((e) => e.name).join(", ")} in ${asked.values}: apply it with helm upgrade${reexport}` : "";
  const n = asked.requested;
  let out = formatPlan(session.plan.changes, { diff: dry, dryRun: dry, group: true });
  out += `
${dry ? "dry run: nothing was changed. " : ""}${joined} of ${n} cluster${n === 1 ? "" : "s"} ${dry ? "can be joined" : "joined"} ${into} in ${(report.ms / 1e3).toFixed(1)} s${fileNote}
`;
  if (asked.secretOut && joined && !dry)
    out += `
${asked.secretOut} holds live tokens (mode 0600): seal or encrypt it before it goes to git (kubeseal --format yaml < ${asked.secretOut} > sealed.yaml, or sops -e), or apply it: kubectl apply --server-side -f ${asked.secretOut}
`;
  if (!asked.values && report.entries.length) out += `
Add this to the control plane's values (or rerun with --values FILE):

${snippet(report.entries)}`;
  if (report.cloudSide.length) out += `
${report.cloudSide.join("\n")}`;
  return out;
}
function joinFailures(report, requested) {
  const errors = errorsIn(report.failures).length;
  const warnings = report.failures.length - errors;
  const joined = report.joined.length;
  const counts = `${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`;
  const count = errors ? [`${counts}: ${requested - joined} of ${requested} not joined${joined ? " (the others were)" : ""}.`] : [];
  return `${[...report.failures.map(formatProblem), ...count].join("\n")}
`;
}
export {
  checkEndpoint,
  joinClusters,
  joinFailures,
  joinSummary
};
