// plugin/config/control-plane.ts: a data plane's way back to FlyteAdmin and DataCatalog, its refusals, endpoints read as hosts and Services.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { inClusterService, resolveWiring, targetHost } from '../../plugin/config/control-plane.ts';

const at = (p: string) => ({ file: 'v.yaml', pointer: `/multicluster${p}` });
const admin = 'dns:///flyte.example.com:443';

test('nothing set: both settings missing at once, each where it goes', () => {
  const r = resolveWiring(undefined, at);
  assert.is(r.wiring, undefined);
  assert.equal(
    r.problems.map((p) => [p.code, p.pointer]),
    [
      ['wiring.admin-endpoint', '/multicluster/controlPlane/adminEndpoint'],
      ['wiring.catalog-endpoint', '/multicluster/controlPlane/catalogEndpoint'],
    ],
  );
  assert.match(r.problems[0]!.message, "flyte-core's default (flyteadmin:81) exists only inside the control plane's cluster");
  assert.match(r.problems[1]!.message, "(FlyteAdmin's endpoint serves no datacatalog.DataCatalog)");
});

test('the catalog: its own endpoint, through the admin Ingress, or off', () => {
  assert.equal(resolveWiring({ adminEndpoint: admin, catalogEndpoint: 'dns:///catalog:443', insecure: true }, at), {
    wiring: { admin: { endpoint: admin, insecure: true }, catalog: { type: 'datacatalog', endpoint: 'dns:///catalog:443', insecure: true } },
    problems: [],
  });
  assert.equal(resolveWiring({ adminEndpoint: admin, catalogIngress: true }, at).wiring!.catalog, { type: 'datacatalog', endpoint: admin, insecure: false });
  assert.equal(resolveWiring({ adminEndpoint: admin, catalog: false }, at).wiring!.catalog, { type: 'noop' });
  const noAdmin = resolveWiring({ catalogIngress: true }, at);
  assert.equal(
    noAdmin.problems.map((p) => p.pointer),
    ['/multicluster/controlPlane/adminEndpoint'],
  );
  assert.is(noAdmin.wiring, undefined);
  assert.match(resolveWiring({ adminEndpoint: admin }, at).problems[0]!.message, `(${admin} serves no datacatalog.DataCatalog)`);
});

test("the OAuth2 client secret: flyte-core's defaults, overridden field by field", () => {
  const w = resolveWiring({ adminEndpoint: admin, catalog: false, clientSecret: { clientId: 'mine' } }, at).wiring!;
  assert.equal(w.admin.clientSecret, { secretName: 'flyte-secret-auth', clientId: 'mine' });
});

test('targetHost: scheme, IPv6 brackets and port', () => {
  assert.equal(targetHost('dns:///flyte.example.com:443'), { host: 'flyte.example.com', port: 443 });
  assert.equal(targetHost('https://[::1]:8089/x'), { host: '[::1]', port: 8089 });
  assert.equal(targetHost('flyteadmin'), { host: 'flyteadmin' });
  assert.equal(targetHost('dns:///:81'), { host: ':81' });
});

test('inClusterService: bare names and NAME.NS.svc forms only', () => {
  assert.equal(inClusterService('flyteadmin:81', 'flyte'), { name: 'flyteadmin', namespace: 'flyte' });
  assert.equal(inClusterService('dns:///flyteadmin.other.svc.cluster.local:81', 'flyte'), { name: 'flyteadmin', namespace: 'other' });
  assert.is(inClusterService('flyte.example.com:443', 'flyte'), undefined);
  assert.is(inClusterService('10.0.0.1:81', 'flyte'), undefined);
  assert.is(inClusterService('[::1]:81', 'flyte'), undefined);
  assert.is(inClusterService('localhost:81', 'flyte'), undefined);
});

test.run();
