#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  deleteTokenSecret,
  ensureTokenSecret,
  listTokenSecrets,
  waitForToken
} from "./chunk-LH5EZZJM.mjs";
import {
  ConcurrentChange,
  clusterUid,
  editCredentials,
  joinedElsewhere,
  readCredentials,
  rotateCreation
} from "./chunk-6Z6ZYMU5.mjs";
import {
  describeRollout,
  flyteadminDeployments,
  restartDeployments,
  restartedAt,
  waitForRollout
} from "./chunk-QRMUNPSA.mjs";
import {
  notedIn
} from "./chunk-I6QFSPIF.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  DEFAULT_TOKEN_SECRET,
  SERVICE_ACCOUNT
} from "./chunk-LPW2GZIF.mjs";
import "./chunk-QWUGYWBM.mjs";
import {
  formatPlan,
  stopped
} from "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import {
  self
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/rotate.ts
import { randomBytes } from "node:crypto";

// plugin/cluster/rotate-finish.ts
var secrets = (ns, rs) => rs.map((r) => `${ns}/${r.secret}`).join(", ");
async function rolledOut(req, session, deployments) {
  const { namespace: ns, hub, plan } = session;
  const object = `Deployment ${deployments.map((n) => `${ns}/${n}`).join(", ")}`;
  if (plan.dryRun) {
    plan.record({ target: `hub ${hub.context}`, object, action: "check", note: "would wait for the rollout" });
    return;
  }
  session.progress.step(req.name, `waiting for the rollout of ${deployments.join(", ")}`, req.context);
  const states = await waitForRollout(hub, ns, deployments, req.rolloutTimeoutMs, void 0, req.pollMs);
  const open = states.filter((s) => !s.done);
  if (open.length) {
    const code = open.some((s) => s.failed) ? "rotate.rollout-failed" : "rotate.rollout-timeout";
    throw new FlytemcError(
      [
        error(
          { code, subject: `hub ${hub.context}` },
          code === "rotate.rollout-failed" ? `the rollout failed: ${describeRollout(ns, open)}` : `the rollout did not finish within ${Math.round(req.rolloutTimeoutMs / 1e3)} s: ${describeRollout(ns, open)}`,
          `see \`kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0].name}\``
        )
      ],
      EXIT.failed
    );
  }
  plan.record({ target: `hub ${hub.context}`, object, action: "check", note: "rolled out: every pod started after the hub got the new token" });
}
async function podsOnNewToken(req, session, retiring) {
  const { namespace: ns, hub, plan } = session;
  const since = retiring.map((r) => r.since).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const deps = await flyteadminDeployments(hub, ns);
  const deployments = deps.map((d) => d.metadata.name);
  const stale = deps.filter((d) => {
    const at = restartedAt(d);
    return !at || Date.parse(at) <= Date.parse(since);
  }).map((d) => d.metadata.name);
  if (stale.length && !req.restart) {
    const one = stale.length === 1;
    const kept = `Deployment ${stale.map((n) => `${ns}/${n}`).join(", ")} ${one ? "has" : "have"} not restarted since the hub got the new token: ${one ? "its" : "their"} pods may hold the old token, so it stays valid`;
    plan.record({ target: req.context, object: `Secret ${secrets(ns, retiring)}`, action: "skip", note: `kept valid: ${kept}` });
    return { deployments, kept };
  }
  if (stale.length) await restartDeployments(hub, ns, plan, "read the new token", stale);
  if (deployments.length) await rolledOut(req, session, deployments);
  return { deployments };
}
async function revoke(req, session, m, o) {
  const { namespace: ns, secretName, hub, plan } = session;
  const tokens = new Map((await listTokenSecrets(m, ns)).map((s) => [s.name, s.token]));
  const note = o.deployments.length ? "revokes the old token: every pod of FlyteAdmin holds the new one" : `revokes the old token: no Deployment of FlyteAdmin in ${ns} holds it`;
  for (const r of o.retiring) {
    const token = tokens.get(r.secret);
    if (token !== void 0 && token === o.hubToken) continue;
    session.progress.step(req.name, `deleting Secret ${ns}/${r.secret}`, req.context);
    await deleteTokenSecret(m, ns, r.secret, plan, note);
    o.revoked.push({ secret: r.secret, ...token ? { token } : {} });
  }
  const gone = new Set(o.revoked.map((r) => r.secret));
  await editCredentials(hub, ns, secretName, plan, `${req.name}: retired token Secrets revoked`, (_data, records) => {
    const cur = records[req.name];
    if (!cur?.retiring) return;
    const left = cur.retiring.filter((r) => !gone.has(r.secret));
    const { retiring: _, ...rest } = cur;
    records[req.name] = left.length ? { ...rest, retiring: left } : rest;
  });
}
async function verifyRejected(req, session, m, o) {
  const { namespace: ns, plan } = session;
  for (const r of o.revoked) {
    if (!r.token || !o.ca) continue;
    session.progress.step(req.name, "verifying that the old token is rejected", req.context);
    const dead = await session.reach.untilRejected(o.endpoint, r.token, o.ca, session.kube.timeoutMs, req.revokeTimeoutMs);
    if (dead.rejectedAfterMs !== void 0) {
      const note = `rejected by the API server (401) after ${(dead.rejectedAfterMs / 1e3).toFixed(1)} s`;
      plan.record({ target: o.endpoint, object: `old token (Secret ${ns}/${r.secret})`, action: "check", note });
      o.out.oldTokenRejectedAfterMs = Math.max(o.out.oldTokenRejectedAfterMs ?? 0, dead.rejectedAfterMs);
      continue;
    }
    if (dead.unverified) {
      o.out.warnings.push(
        warning({ code: "rotate.unverified", subject: o.endpoint }, `could not verify that the old token is rejected: ${dead.unverified}`, "check it by hand")
      );
      continue;
    }
    const holder = (await listTokenSecrets(m, ns)).find((s) => s.token === r.token);
    throw new FlytemcError(
      [
        error(
          { code: "rotate.still-accepted", subject: o.endpoint },
          `the old token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} is still accepted ${Math.round(req.revokeTimeoutMs / 1e3)} s after its Secret was deleted${holder ? ` (Secret ${ns}/${holder.name} holds the same token)` : ""}`,
          holder ? `delete Secret ${ns}/${holder.name} in context ${req.context}` : "the API server may not look up legacy token Secrets (--service-account-lookup=false): delete and recreate ServiceAccount flyteadmin, then rejoin"
        )
      ],
      EXIT.failed
    );
  }
}
async function finishRotation(req, session, m, finish, before) {
  const { namespace: ns, secretName, hub, plan } = session;
  const creds = await readCredentials(hub, ns, secretName).catch((e) => {
    throw stopped(e, before, `run ${finish}`);
  });
  const record = creds.records[req.name];
  const current = record?.tokenSecret;
  const retiring = (record?.retiring ?? []).filter((r) => r.secret !== current);
  const out = { ...current ? { newSecret: current } : {}, revoked: [], rolledOut: [], finish, warnings: [] };
  if (!record || !retiring.length) {
    plan.record({ target: req.context, object: "retired token Secrets", action: "unchanged", note: "none left to revoke" });
    return out;
  }
  const done = `the hub holds the token of Secret ${ns}/${current}; the old token (Secret ${secrets(ns, retiring)}) is still valid, so FlyteAdmin works`;
  const pods = await podsOnNewToken(req, session, retiring).catch((e) => {
    throw stopped(e, done, `once the pods of FlyteAdmin are ready, run ${finish}`);
  });
  if (pods.kept) return { ...out, kept: pods.kept };
  const revoked = [];
  const hubToken = creds.data[tokenKey(req.name)];
  await revoke(req, session, m, { retiring, ...hubToken ? { hubToken } : {}, deployments: pods.deployments, revoked }).catch((e) => {
    throw stopped(e, `${done}${revoked.length ? ` (deleted: Secret ${revoked.map((r) => r.secret).join(", ")})` : ""}`, `run ${finish}`);
  });
  out.revoked = revoked.map((r) => r.secret);
  out.rolledOut = pods.deployments;
  if (plan.dryRun) return out;
  const ca = creds.data[caKey(req.name)];
  await verifyRejected(req, session, m, { endpoint: record.endpoint, ...ca ? { ca } : {}, revoked, out });
  return out;
}

// plugin/cluster/rotate.ts
var suffix = () => {
  const abc = "bcdfghjklmnpqrstvwxz2456789";
  return [...randomBytes(5)].map((b) => abc[b % abc.length]).join("");
};
var UNCHANGED = "the hub keeps the old token, which works: FlyteAdmin is not affected";
var afterWrite = (ns, secret) => `the hub holds the new token (Secret ${ns}/${secret}); the old token is not revoked, so FlyteAdmin works with either`;
async function rotateCluster(req, session) {
  const { namespace: ns, hub, plan } = session;
  const finish = `${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} --finish`;
  const rerun = `rerun: ${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns}${req.restart ? "" : " --no-restart"}`;
  const { creds, m } = await look(req, session).catch((e) => {
    throw e instanceof FlytemcError && e.exitCode === EXIT.invalid ? e : stopped(e, "nothing was changed", rerun);
  });
  if (req.finish) return finishRotation(req, session, m, finish, "nothing was changed");
  const oldToken = creds.data[tokenKey(req.name)];
  const oldSecret = await listTokenSecrets(m, ns).then((all) => all.find((s) => s.token === oldToken)?.name ?? creds.records[req.name].tokenSecret).catch((e) => {
    throw stopped(e, "nothing was changed", rerun);
  });
  const r = { req, session, creds, m, oldSecret, newSecret: `${DEFAULT_TOKEN_SECRET}-${suffix()}`, finish, rerun };
  session.progress.step(req.name, `creating Secret ${ns}/${r.newSecret}`, req.context);
  const made = await ensureTokenSecret(m, ns, r.newSecret, rotateCreation(req.name), plan).catch(async (e) => {
    throw stopped(e, `${UNCHANGED}${await discard(m, ns, r.newSecret, plan)}`, rerun);
  });
  if (made === "planned") return planned(r);
  return issueAndSwap(r);
}
function planned(r) {
  const { req, session, finish } = r;
  const { namespace: ns, hub, plan, secretName } = session;
  const target = `hub ${hub.context}`;
  const note = `new ${tokenKey(req.name)} (and ${caKey(req.name)}), once issued and proven; only if it still holds the token it replaces`;
  plan.record({ target, object: `Secret ${ns}/${secretName}`, action: "update", note });
  if (req.restart) plan.record({ target, object: `Deployments ${ns}/flyteadmin, syncresources`, action: "restart", note: "then waits for the rollout" });
  plan.record({
    target: req.context,
    object: `Secret ${ns}/${r.oldSecret}`,
    action: "delete",
    note: req.restart ? "revokes the old token, once every pod of FlyteAdmin holds the new one" : `kept valid until ${finish}`
  });
  return { newSecret: r.newSecret, revoked: [], rolledOut: [], finish, warnings: [] };
}
async function issueAndSwap(r) {
  const { req, session, m, newSecret } = r;
  const { namespace: ns, hub, secretName } = session;
  const writing = { started: false };
  try {
    const issued = await proveNew(r);
    session.progress.step(req.name, "updating the hub", req.context);
    writing.started = true;
    await swap(r, issued);
  } catch (e) {
    if (writing.started && !(e instanceof ConcurrentChange)) {
      const holds = await readCredentials(hub, ns, secretName).then(
        (c) => c.records[req.name]?.tokenSecret === newSecret,
        () => void 0
      );
      if (holds === true) return finishRotation(req, session, m, r.finish, afterWrite(ns, newSecret));
      if (holds === void 0)
        throw stopped(
          e,
          `could not tell whether the hub took the new token (Secret ${ns}/${newSecret}); the old token is not revoked, so FlyteAdmin works either way`,
          `once the hub answers, run ${r.finish}: it revokes the old token if the hub holds the new one; if the hub still holds the old one, delete Secret ${ns}/${newSecret} in context ${req.context} instead`
        );
    }
    const keeps = e instanceof ConcurrentChange ? "the hub keeps the token the other writer put there, which works" : UNCHANGED;
    throw stopped(e, `${keeps}${await discard(m, ns, newSecret, session.plan)}`, `${r.rerun} (if a new token is still wanted)`);
  }
  return finishRotation(req, session, m, r.finish, afterWrite(ns, newSecret));
}
async function proveNew(r) {
  const { req, session, creds, m, newSecret } = r;
  const { namespace: ns, plan } = session;
  const record = creds.records[req.name];
  const issued = await waitForToken(m, ns, newSecret, session.tokenTimeoutMs);
  session.progress.step(req.name, "proving the new token", req.context);
  const cas = [
    { source: "hub", pem: creds.data[caKey(req.name)] },
    { source: "kubeconfig", pem: m.caPem },
    { source: "ca.crt", pem: issued.caCrt }
  ];
  const proof = await session.reach.proveToken(record.endpoint, issued.token, cas, session.kube.timeoutMs);
  if (!proof.result.ok)
    throw new FlytemcError(
      [
        error(
          { code: "rotate.token", subject: `cluster ${req.name} (${record.endpoint})` },
          `the new token does not work: ${proof.result.what}`,
          proof.result.fix
        )
      ],
      EXIT.failed
    );
  plan.record({
    target: req.context,
    object: `token in Secret ${ns}/${newSecret}`,
    action: "check",
    note: `ok: ${proof.result.user ?? "authenticated"}, all permissions`
  });
  return { token: issued.token, pem: proof.pem };
}
async function swap(r, issued) {
  const { req, session, creds, oldSecret, newSecret } = r;
  const { namespace: ns, secretName, hub, plan } = session;
  const oldToken = creds.data[tokenKey(req.name)];
  const note = `new ${tokenKey(req.name)}, ${caKey(req.name)}; Secret ${ns}/${oldSecret} retiring`;
  await editCredentials(hub, ns, secretName, plan, note, (data, records) => {
    const cur = records[req.name];
    if (!cur || data[tokenKey(req.name)] !== oldToken) {
      const message = cur ? `${req.name}'s token changed while this rotate ran (a concurrent rotate or join): this one's new token was not written` : `${req.name} was unjoined while this rotate ran: its new token was not written`;
      throw new ConcurrentChange([error({ code: "rotate.concurrent", subject: `hub ${hub.context} Secret ${ns}/${secretName}` }, message)], EXIT.failed);
    }
    data[tokenKey(req.name)] = issued.token;
    data[caKey(req.name)] = issued.pem;
    const retiring = (cur.retiring ?? []).filter((x) => x.secret !== oldSecret && x.secret !== newSecret);
    records[req.name] = { ...cur, tokenSecret: newSecret, retiring: [...retiring, { secret: oldSecret, since: (/* @__PURE__ */ new Date()).toISOString() }] };
  });
}
async function refuseNoToken(req, session, creds) {
  const { namespace: ns, secretName, hub } = session;
  const record = creds.records[req.name];
  const subject = `hub ${hub.context} Secret ${ns}/${secretName}`;
  if (record?.auth && !creds.data[tokenKey(req.name)])
    throw new FlytemcError(
      [
        error(
          { code: "rotate.proxy", subject },
          `${req.name} is reached through its credential proxy with short-lived credentials (joined with --auth ${record.auth}): there is no long-lived token to rotate`,
          "nothing to do: the proxy renews its credentials itself; to cut them off at once, revoke them in the cloud (the pods' role or workload-identity binding)"
        )
      ],
      EXIT.invalid
    );
  if (record && creds.data[tokenKey(req.name)]) return;
  const elsewhere = await joinedElsewhere(hub, secretName, req.name, ns);
  const there = elsewhere.length ? ` (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(", ")} has it` : "";
  throw new FlytemcError(
    [
      error(
        { code: "rotate.not-joined", subject },
        `has no joined cluster ${JSON.stringify(req.name)}${there}`,
        elsewhere.length ? `rerun with -n ${elsewhere[0]}` : `join it first: ${self()} join ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} (or name the namespace it was joined in with -n)`
      )
    ],
    EXIT.invalid
  );
}
async function look(req, session) {
  const creds = await readCredentials(session.hub, session.namespace, session.secretName);
  await refuseNoToken(req, session, creds);
  const record = creds.records[req.name];
  const m = await session.reach.connect(req.context, session.kube);
  const uid = await clusterUid(m);
  if (uid !== record.uid)
    throw new FlytemcError(
      [
        error(
          { code: "rotate.other-cluster", subject: notedIn(session, `context ${req.context}`, req.context) },
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          "name the context of that cluster"
        )
      ],
      EXIT.invalid
    );
  return { creds, m };
}
async function discard(m, ns, secret, plan) {
  if (plan.dryRun) return "";
  try {
    await deleteTokenSecret(m, ns, secret, plan, "the hub never held its token");
    return `; the new Secret ${ns}/${secret} was deleted again`;
  } catch {
    return `; the new Secret ${ns}/${secret}, which nothing holds, could not be deleted: kubectl --context ${m.context} -n ${ns} delete secret ${secret}`;
  }
}
function rotateSummary(out, req, session) {
  const { namespace: ns, hubContext, plan } = session;
  const dry = plan.dryRun;
  const who = notedIn(session, req.name, req.context);
  const hub = notedIn(session, `hub ${hubContext}`, hubContext);
  const text = formatPlan(plan.changes, { diff: dry, dryRun: dry });
  if (dry) return `${text}
dry run: nothing was changed. ${who} would get a new token from Secret ${ns}/${out.newSecret}
`;
  if (out.kept)
    return `${text}
${who}: ${hub} holds the token of Secret ${ns}/${out.newSecret}; the old token stays valid: ${out.kept}.
Once flyteadmin and syncresources have restarted (kubectl --context ${hubContext} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources), revoke it:
  ${out.finish}
`;
  if (!out.revoked.length) return `${text}
${who}: nothing to finish: ${hub} holds the token of Secret ${ns}/${out.newSecret} and no retired token is left
`;
  const pods = out.rolledOut.length ? "every pod of FlyteAdmin started after that" : `no FlyteAdmin runs in ${ns} to restart`;
  const rejected = out.oldTokenRejectedAfterMs !== void 0 ? " and its token rejected by the API server" : "";
  return `${text}
rotated ${who}: ${hub} holds the token of Secret ${ns}/${out.newSecret}; ${pods}; Secret ${out.revoked.map((s) => `${ns}/${s}`).join(", ")} deleted${rejected}
`;
}
export {
  rotateCluster,
  rotateSummary
};
