#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ConcurrentChange,
  clusterUid,
  deleteTokenSecret,
  editCredentials,
  ensureTokenSecret,
  joinedElsewhere,
  listTokenSecrets,
  readCredentials,
  rotateCreation,
  waitForToken
} from "./chunk-OCYD4UBY.mjs";
import {
  describeRollout,
  flyteadminDeployments,
  restartDeployments,
  restartedAt,
  waitForRollout
} from "./chunk-KNAG57LB.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  DEFAULT_TOKEN_SECRET,
  SERVICE_ACCOUNT
} from "./chunk-LPW2GZIF.mjs";
import {
  self
} from "./chunk-QZFYKPST.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-KEIB36ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  stopped
} from "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/rotate.ts
import { randomBytes } from "node:crypto";
var suffix = () => {
  const abc = "bcdfghjklmnpqrstvwxz2456789";
  return [...randomBytes(5)].map((b) => abc[b % abc.length]).join("");
};
async function rotateCluster(req, session) {
  const { namespace: ns, secretName, hub, plan } = session;
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const finish = `${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} --finish`;
  const hubWhere = `hub ${hub.context} Secret ${ns}/${secretName}`;
  const rerun = `rerun: ${self()} rotate ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns}${req.restart ? "" : " --no-restart"}`;
  const { creds, m } = await look(req, session).catch((e) => {
    throw e instanceof FlytemcError && e.exitCode === EXIT.invalid ? e : stopped(e, "nothing was changed", rerun);
  });
  const record = creds.records[req.name];
  const oldToken = creds.data[tokenKey(req.name)];
  if (req.finish) return finishRotation(req, session, m, finish, "nothing was changed");
  const oldSecret = await listTokenSecrets(m, ns).then((all) => all.find((s) => s.token === oldToken)?.name ?? record.tokenSecret).catch((e) => {
    throw stopped(e, "nothing was changed", rerun);
  });
  const newSecret = `${DEFAULT_TOKEN_SECRET}-${suffix()}`;
  const unchanged = `the hub keeps the old token, which works: FlyteAdmin is not affected`;
  say(`creating Secret ${ns}/${newSecret}`);
  let created;
  try {
    created = await ensureTokenSecret(m, ns, newSecret, rotateCreation(req.name), plan) !== "planned";
  } catch (e) {
    throw stopped(e, `${unchanged}${await discard(m, ns, newSecret, plan)}`, rerun);
  }
  if (!created) {
    plan.record({
      target: `hub ${hub.context}`,
      object: `Secret ${ns}/${secretName}`,
      action: "update",
      note: `new ${tokenKey(req.name)} (and ${caKey(req.name)}), once issued and proven; only if it still holds the token it replaces`
    });
    if (req.restart)
      plan.record({
        target: `hub ${hub.context}`,
        object: `Deployments ${ns}/flyteadmin, syncresources`,
        action: "restart",
        note: "then waits for the rollout"
      });
    plan.record({
      target: req.context,
      object: `Secret ${ns}/${oldSecret}`,
      action: "delete",
      note: req.restart ? "revokes the old token, once every pod of FlyteAdmin holds the new one" : `kept valid until ${finish}`
    });
    return { newSecret, revoked: [], rolledOut: [], finish, warnings: [] };
  }
  let writing = false;
  try {
    const issued = await waitForToken(m, ns, newSecret, session.tokenTimeoutMs);
    say("proving the new token");
    const proof = await session.reach.proveToken(
      record.endpoint,
      issued.token,
      [
        { source: "hub", pem: creds.data[caKey(req.name)] },
        { source: "kubeconfig", pem: m.caPem },
        { source: "ca.crt", pem: issued.caCrt }
      ],
      session.kube.timeoutMs
    );
    if (!proof.result.ok) {
      throw new FlytemcError(
        [error(`cluster ${req.name} (${record.endpoint})`, `the new token does not work: ${proof.result.what}`, proof.result.fix)],
        EXIT.failed
      );
    }
    plan.record({
      target: req.context,
      object: `token in Secret ${ns}/${newSecret}`,
      action: "check",
      note: `ok: ${proof.result.user ?? "authenticated"}, all permissions`
    });
    say("updating the hub");
    writing = true;
    await editCredentials(hub, ns, secretName, plan, `new ${tokenKey(req.name)}, ${caKey(req.name)}; Secret ${ns}/${oldSecret} retiring`, (data, records) => {
      const cur = records[req.name];
      if (!cur || data[tokenKey(req.name)] !== oldToken) {
        throw new ConcurrentChange(
          [
            error(
              hubWhere,
              cur ? `${req.name}'s token changed while this rotate ran (a concurrent rotate or join): this one's new token was not written` : `${req.name} was unjoined while this rotate ran: its new token was not written`
            )
          ],
          EXIT.failed
        );
      }
      data[tokenKey(req.name)] = issued.token;
      data[caKey(req.name)] = proof.pem;
      const retiring = (cur.retiring ?? []).filter((r) => r.secret !== oldSecret && r.secret !== newSecret);
      records[req.name] = { ...cur, tokenSecret: newSecret, retiring: [...retiring, { secret: oldSecret, since: (/* @__PURE__ */ new Date()).toISOString() }] };
    });
  } catch (e) {
    if (writing && !(e instanceof ConcurrentChange)) {
      const holds = await readCredentials(hub, ns, secretName).then(
        (c) => c.records[req.name]?.tokenSecret === newSecret,
        () => void 0
      );
      if (holds === true) return finishRotation(req, session, m, finish, afterWrite(ns, newSecret));
      if (holds === void 0)
        throw stopped(
          e,
          `could not tell whether the hub took the new token (Secret ${ns}/${newSecret}); the old token is not revoked, so FlyteAdmin works either way`,
          `once the hub answers, run ${finish}: it revokes the old token if the hub holds the new one; if the hub still holds the old one, delete Secret ${ns}/${newSecret} in context ${req.context} instead`
        );
    }
    const keeps = e instanceof ConcurrentChange ? "the hub keeps the token the other writer put there, which works" : unchanged;
    throw stopped(e, `${keeps}${await discard(m, ns, newSecret, plan)}`, `${rerun} (if a new token is still wanted)`);
  }
  return finishRotation(req, session, m, finish, afterWrite(ns, newSecret));
}
var afterWrite = (ns, secret) => `the hub holds the new token (Secret ${ns}/${secret}); the old token is not revoked, so FlyteAdmin works with either`;
async function look(req, session) {
  const { namespace: ns, secretName, hub } = session;
  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  if (record?.auth && !creds.data[tokenKey(req.name)])
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context} Secret ${ns}/${secretName}`,
          `${req.name} is reached through its credential proxy with short-lived credentials (joined with --auth ${record.auth}): there is no long-lived token to rotate`,
          "nothing to do: the proxy renews its credentials itself; to cut them off at once, revoke them in the cloud (the pods' role or workload-identity binding)"
        )
      ],
      EXIT.invalid
    );
  if (!record || !creds.data[tokenKey(req.name)]) {
    const elsewhere = await joinedElsewhere(hub, secretName, req.name, ns);
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context} Secret ${ns}/${secretName}`,
          `has no joined cluster ${JSON.stringify(req.name)}${elsewhere.length ? ` (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(", ")} has it` : ""}`,
          elsewhere.length ? `rerun with -n ${elsewhere[0]}` : `join it first: ${self()} join ${req.context} --name ${req.name} --kube-context ${hub.context} -n ${ns} (or name the namespace it was joined in with -n)`
        )
      ],
      EXIT.invalid
    );
  }
  const m = await session.reach.connect(req.context, session.kube);
  const uid = await clusterUid(m);
  if (uid !== record.uid) {
    throw new FlytemcError(
      [
        error(
          `context ${req.context}`,
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          "name the context of that cluster"
        )
      ],
      EXIT.invalid
    );
  }
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
async function finishRotation(req, session, m, finish, before) {
  const { namespace: ns, secretName, hub, plan } = session;
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const warnings = [];
  const creds = await readCredentials(hub, ns, secretName).catch((e) => {
    throw stopped(e, before, `run ${finish}`);
  });
  const record = creds.records[req.name];
  const current = record?.tokenSecret;
  const retiring = (record?.retiring ?? []).filter((r) => r.secret !== current);
  const out = { ...current ? { newSecret: current } : {}, revoked: [], rolledOut: [], finish, warnings };
  if (!record || !retiring.length) {
    plan.record({ target: req.context, object: "retired token Secrets", action: "unchanged", note: "none left to revoke" });
    return out;
  }
  const done = `the hub holds the token of Secret ${ns}/${current}; the old token (Secret ${retiring.map((r) => `${ns}/${r.secret}`).join(", ")}) is still valid, so FlyteAdmin works`;
  const since = retiring.map((r) => r.since).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  let deployments;
  try {
    const deps = await flyteadminDeployments(hub, ns);
    deployments = deps.map((d) => d.metadata.name);
    const stale = deps.filter((d) => {
      const at = restartedAt(d);
      return !at || Date.parse(at) <= Date.parse(since);
    }).map((d) => d.metadata.name);
    if (stale.length) {
      if (!req.restart) {
        out.kept = `Deployment ${stale.map((n) => `${ns}/${n}`).join(", ")} ${stale.length === 1 ? "has" : "have"} not restarted since the hub got the new token: ${stale.length === 1 ? "its" : "their"} pods may hold the old token, so it stays valid`;
        plan.record({
          target: req.context,
          object: `Secret ${retiring.map((r) => `${ns}/${r.secret}`).join(", ")}`,
          action: "skip",
          note: `kept valid: ${out.kept}`
        });
        return out;
      }
      await restartDeployments(hub, ns, plan, "read the new token", stale);
    }
    if (deployments.length && !plan.dryRun) {
      say(`waiting for the rollout of ${deployments.join(", ")}`);
      const states = await waitForRollout(hub, ns, deployments, req.rolloutTimeoutMs, void 0, req.pollMs);
      const open = states.filter((s) => !s.done);
      if (open.length) {
        throw new FlytemcError(
          [
            error(
              `hub ${hub.context}`,
              open.some((s) => s.failed) ? `the rollout failed: ${describeRollout(ns, open)}` : `the rollout did not finish within ${Math.round(req.rolloutTimeoutMs / 1e3)} s: ${describeRollout(ns, open)}`,
              `see \`kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0].name}\``
            )
          ],
          EXIT.failed
        );
      }
      plan.record({
        target: `hub ${hub.context}`,
        object: `Deployment ${deployments.map((n) => `${ns}/${n}`).join(", ")}`,
        action: "check",
        note: "rolled out: every pod started after the hub got the new token"
      });
    } else if (deployments.length) {
      plan.record({
        target: `hub ${hub.context}`,
        object: `Deployment ${deployments.map((n) => `${ns}/${n}`).join(", ")}`,
        action: "check",
        note: "would wait for the rollout"
      });
    }
  } catch (e) {
    throw stopped(e, done, `once the pods of FlyteAdmin are ready, run ${finish}`);
  }
  const revoked = [];
  try {
    const tokens = new Map((await listTokenSecrets(m, ns)).map((s) => [s.name, s.token]));
    const hubToken = creds.data[tokenKey(req.name)];
    for (const r of retiring) {
      const token = tokens.get(r.secret);
      if (token !== void 0 && token === hubToken) continue;
      say(`deleting Secret ${ns}/${r.secret}`);
      await deleteTokenSecret(
        m,
        ns,
        r.secret,
        plan,
        deployments.length ? "revokes the old token: every pod of FlyteAdmin holds the new one" : `revokes the old token: no Deployment of FlyteAdmin in ${ns} holds it`
      );
      revoked.push({ secret: r.secret, ...token ? { token } : {} });
    }
    const gone = new Set(revoked.map((r) => r.secret));
    await editCredentials(hub, ns, secretName, plan, `${req.name}: retired token Secrets revoked`, (_data, records) => {
      const cur = records[req.name];
      if (!cur?.retiring) return;
      const left = cur.retiring.filter((r) => !gone.has(r.secret));
      const { retiring: _, ...rest } = cur;
      records[req.name] = left.length ? { ...rest, retiring: left } : rest;
    });
  } catch (e) {
    throw stopped(e, `${done}${revoked.length ? ` (deleted: Secret ${revoked.map((r) => r.secret).join(", ")})` : ""}`, `run ${finish}`);
  }
  out.revoked = revoked.map((r) => r.secret);
  out.rolledOut = deployments;
  if (plan.dryRun) return out;
  const ca = creds.data[caKey(req.name)];
  for (const r of revoked) {
    if (!r.token || !ca) continue;
    say("verifying that the old token is rejected");
    const dead = await session.reach.untilRejected(record.endpoint, r.token, ca, session.kube.timeoutMs, req.revokeTimeoutMs);
    if (dead.rejectedAfterMs !== void 0) {
      plan.record({
        target: record.endpoint,
        object: `old token (Secret ${ns}/${r.secret})`,
        action: "check",
        note: `rejected by the API server (401) after ${(dead.rejectedAfterMs / 1e3).toFixed(1)} s`
      });
      out.oldTokenRejectedAfterMs = Math.max(out.oldTokenRejectedAfterMs ?? 0, dead.rejectedAfterMs);
      continue;
    }
    if (dead.unverified) {
      warnings.push(warning(record.endpoint, `could not verify that the old token is rejected: ${dead.unverified}`, "check it by hand"));
      continue;
    }
    const holderNow = (await listTokenSecrets(m, ns)).find((s) => s.token === r.token);
    throw new FlytemcError(
      [
        error(
          record.endpoint,
          `the old token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} is still accepted ${Math.round(req.revokeTimeoutMs / 1e3)} s after its Secret was deleted${holderNow ? ` (Secret ${ns}/${holderNow.name} holds the same token)` : ""}`,
          holderNow ? `delete Secret ${ns}/${holderNow.name} in context ${req.context}` : "the API server may not look up legacy token Secrets (--service-account-lookup=false): delete and recreate ServiceAccount flyteadmin, then rejoin"
        )
      ],
      EXIT.failed
    );
  }
  return out;
}
export {
  rotateCluster
};
