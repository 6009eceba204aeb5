// A client-go exec credential plugin for tests: the stand-in for a cloud's workload identity
// (`aws eks get-token`, `gke-gcloud-auth-plugin`). Each run mints a short-lived TokenRequest token
// for a data plane's ServiceAccount, bound to a new Secret of its own (so that deleting that
// Secret revokes the token), and prints it as an ExecCredential. The "cloud" is a JSON file of
// the test's (0600, outside every cluster): per cluster, the API server, its CA, and a client
// certificate allowed to request tokens. Every token minted is appended to the file's `log`.
//
//   node exec-plugin.mjs IDENTITY.json CLUSTER
//   IDENTITY.json: {log, clusters: {NAME: {server, ca, cert, key, namespace, serviceAccount, reportSeconds?}}}
import { appendFileSync, readFileSync } from 'node:fs';
import * as https from 'node:https';

/** @typedef {{ server: string; ca: string; cert: string; key: string; namespace: string; serviceAccount: string; reportSeconds?: number }} Cloud */

const [file, cluster] = process.argv.slice(2);
if (!file || !cluster) {
  process.stderr.write('usage: exec-plugin.mjs IDENTITY.json CLUSTER\n');
  process.exit(2);
}
/** @type {{ log: string; clusters: Record<string, Cloud> }} */
const identity = JSON.parse(readFileSync(file, 'utf8'));
const found = identity.clusters[cluster];
if (!found) {
  process.stderr.write(`exec-plugin: no identity for cluster ${cluster}\n`);
  process.exit(1);
}
/** @type {Cloud} */
const cloud = found;

/**
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<any>}
 */
function post(path, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, cloud.server),
      { method: 'POST', ca: cloud.ca, cert: cloud.cert, key: cloud.key, headers: { 'Content-Type': 'application/json' }, timeout: 10_000 },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve(JSON.parse(text)) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const bound = `flytemc-test-credential-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
try {
  const secret = await post(`/api/v1/namespaces/${cloud.namespace}/secrets`, { metadata: { name: bound, labels: { 'flytemc.io/test': 'bound-credential' } } });
  const review = await post(`/api/v1/namespaces/${cloud.namespace}/serviceaccounts/${cloud.serviceAccount}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 600, boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: bound, uid: secret.metadata.uid } },
  });
  const token = review.status.token;
  // the credential's lifetime as reported to client-go (which renews it then): the token's, or shorter
  const expires = cloud.reportSeconds ? new Date(Date.now() + cloud.reportSeconds * 1000).toISOString() : review.status.expirationTimestamp;
  appendFileSync(identity.log, `${JSON.stringify({ at: new Date().toISOString(), cluster, bound, expires, token })}\n`, { mode: 0o600 });
  const apiVersion = JSON.parse(process.env.KUBERNETES_EXEC_INFO ?? '{}').apiVersion ?? 'client.authentication.k8s.io/v1beta1';
  process.stdout.write(JSON.stringify({ apiVersion, kind: 'ExecCredential', status: { token, expirationTimestamp: expires } }));
} catch (e) {
  process.stderr.write(`exec-plugin: ${/** @type {Error} */ (e).message}\n`);
  process.exit(1);
}
