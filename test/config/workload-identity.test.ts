// plugin/config/workload-identity.ts: join's --auth flags become the proxy's exec plugin and
// identity per cloud, or a usage error that says the fix; the cloud side it prints.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { cloudSide, proxyJoin } from '../../plugin/config/workload-identity.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

const refused = (flags: Parameters<typeof proxyJoin>[0], what: RegExp) => {
  try {
    proxyJoin(flags);
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    assert.match((e as Error).message, what);
    return;
  }
  assert.unreachable(`accepted ${JSON.stringify(flags)}`);
};

test('token (the default) is no proxy; the proxy flags with it are refused', () => {
  assert.is(proxyJoin({ auth: 'token', name: 'dp1' }), undefined);
  refused({ auth: 'token', name: 'dp1', 'proxy-image': 'x' }, /--proxy-image goes with --auth eks, gke or exec/);
  refused({ auth: 'sso', name: 'dp1' }, /--auth "sso": use token \(the default\), eks, gke or exec/);
});

test('eks: aws eks get-token for the cluster and region, user flytemc-flyteadmin; --region is needed', () => {
  const j = proxyJoin({ auth: 'eks', name: 'dp1', region: 'us-east-1', 'proxy-image': 'img:1', 'proxy-port': '17200' })!;
  assert.equal(j.proxy, {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'aws',
      args: ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', 'dp1', '--output', 'json'],
    },
    identity: 'flytemc-flyteadmin',
    image: 'img:1',
    port: 17200,
  });
  refused({ auth: 'eks', name: 'dp1' }, /--auth eks needs --region REGION/);
  refused({ auth: 'eks', name: 'dp1', region: 'r', 'exec-command': 'x' }, /--exec-command goes with --auth exec/);
  refused({ auth: 'eks', name: 'dp1', region: 'r', 'proxy-port': '80' }, /--proxy-port "80": use a port from 1024 to 65535/);
  const text = cloudSide(j, { name: 'dp1', namespace: 'flyte', clusterRole: 'flyte-flyteadmin' });
  assert.match(text, /not tried against a cloud/);
  assert.match(text, /"system:serviceaccount:flyte:flyteadmin"/);
  assert.match(
    text,
    /aws eks create-access-entry --cluster-name dp1 --region us-east-1 --principal-arn arn:aws:iam::<CONTROL_PLANE_ACCOUNT>:role\/flytemc-flyteadmin --username flytemc-flyteadmin/,
  );
});

test('gke: gke-gcloud-auth-plugin with the cluster info, the Google service account as the user; --gcp-service-account is needed', () => {
  const gsa = 'flyteadmin@proj.iam.gserviceaccount.com';
  const j = proxyJoin({ auth: 'gke', name: 'dp1', 'gcp-service-account': gsa })!;
  assert.equal(j.proxy.exec, { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'gke-gcloud-auth-plugin', provideClusterInfo: true });
  assert.is(j.proxy.identity, gsa);
  refused({ auth: 'gke', name: 'dp1' }, /--auth gke needs --gcp-service-account EMAIL/);
  refused({ auth: 'gke', name: 'dp1', 'gcp-service-account': 'not-an-email' }, /--auth gke needs --gcp-service-account/);
  const text = cloudSide(j, { name: 'dp1', namespace: 'flyte', clusterRole: 'flyte-flyteadmin' });
  assert.match(text, /roles\/iam\.workloadIdentityUser --member "serviceAccount:<CONTROL_PLANE_PROJECT>\.svc\.id\.goog\[flyte\/flyteadmin\]"/);
  assert.match(text, /roles\/container\.clusterViewer/);
});

test('exec: the command, arguments and environment given, and the identity, both required', () => {
  const j = proxyJoin({
    auth: 'exec',
    name: 'dp1',
    'exec-command': 'my-plugin',
    'exec-arg': ['--cluster', 'dp1'],
    'exec-env': ['REGION=eu'],
    identity: 'system:serviceaccount:flyte:flyteadmin',
  })!;
  assert.equal(j.proxy.exec, {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    command: 'my-plugin',
    args: ['--cluster', 'dp1'],
    env: [{ name: 'REGION', value: 'eu' }],
  });
  refused({ auth: 'exec', name: 'dp1', identity: 'u' }, /--auth exec needs --exec-command CMD/);
  refused({ auth: 'exec', name: 'dp1', 'exec-command': 'p' }, /--auth exec needs --identity USER/);
  refused({ auth: 'exec', name: 'dp1', 'exec-command': 'p', identity: 'u', 'exec-env': ['nope'] }, /--exec-env "nope": use NAME=VALUE/);
  assert.match(cloudSide(j, { name: 'dp1', namespace: 'flyte', clusterRole: 'flyte-flyteadmin' }), /the exec plugin my-plugin must run in the proxy's image/);
});

test.run();
