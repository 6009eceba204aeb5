// plugin/postrender/ingress.ts: DataCatalog's gRPC routes beside FlyteAdmin's, on every rule that routes FlyteAdmin.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { catalogRoutePatches } from '../../plugin/postrender/ingress.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';

const SERVICE = '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: datacatalog\n';
const path = (p: string) => `          - path: ${p}\n            backend: {service: {name: flyteadmin, port: {number: 81}}}\n`;
const ingress = (name: string, ...rules: string[][]) =>
  `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  rules:\n${rules.map((ps) => `    - http:\n        paths:\n${ps.map(path).join('')}`).join('')}`;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems.map((p) => p.code);
  }
  return [];
};

test('adds both DataCatalog routes to each rule routing FlyteAdmin, and none already there', () => {
  const docs = parseStream(
    ingress('grpc', ['/flyteidl.service.AdminService', '/datacatalog.DataCatalog'], ['/console'], ['/flyteidl.service.AdminService']) +
      '---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: empty\nspec: {}\n' +
      SERVICE,
  );
  const patches = catalogRoutePatches(docs);
  assert.is(patches.length, 1);
  assert.equal(
    patches[0]!.ops.map((o) => [o.path, (o as { value: { path: string } }).value.path]),
    [
      ['/spec/rules/0/http/paths/-', '/datacatalog.DataCatalog/*'],
      ['/spec/rules/2/http/paths/-', '/datacatalog.DataCatalog'],
      ['/spec/rules/2/http/paths/-', '/datacatalog.DataCatalog/*'],
    ],
  );
  assert.equal(patches[0]!.ops[0], {
    op: 'add',
    path: '/spec/rules/0/http/paths/-',
    value: { path: '/datacatalog.DataCatalog/*', pathType: 'ImplementationSpecific', backend: { service: { name: 'datacatalog', port: { number: 89 } } } },
  });
  // routed already: nothing to do
  assert.equal(
    catalogRoutePatches(parseStream(ingress('grpc', ['/flyteidl.service.AdminService', '/datacatalog.DataCatalog', '/datacatalog.DataCatalog/*']) + SERVICE)),
    [],
  );
});

test('refused without the datacatalog Service, or without an Ingress that routes FlyteAdmin', () => {
  assert.equal(
    codeOf(() => catalogRoutePatches(parseStream(ingress('grpc', ['/flyteidl.service.AdminService'])))),
    ['wiring.catalog-service'],
  );
  assert.equal(
    codeOf(() => catalogRoutePatches(parseStream(ingress('web', ['/console']) + SERVICE))),
    ['wiring.catalog-ingress'],
  );
});

test.run();
