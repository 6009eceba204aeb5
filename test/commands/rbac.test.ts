// plugin/commands/rbac.ts: the least-privilege ClusterRole printed as yaml (with where each rule comes from), json or a table; the namespace; templates without a kind.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../plugin/yaml/dialect.ts';
import { runCommand } from '../helpers/run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-rbac-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const rbac = (argv: string[], env: Record<string, string | undefined> = {}) => runCommand('commands/rbac.ts', argv, { HELM_NAMESPACE: undefined, ...env });
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test("yaml: flyte-core's default templates when the files set none; a header says what each rule is for; -n names the role", () => {
  const r = rbac(['-n', 'flyte-dp']);
  assert.is(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^# ClusterRole for ServiceAccount flyte-dp\/flyteadmin in a data plane: what FlyteAdmin needs, from flyte-core's default templates \(the files set none\)\.\n/,
  );
  assert.match(r.stdout, /\n# {3}Namespace \(namespaces\): create, get, patch {2}<- aa_namespace\n/);
  assert.match(r.stdout, /\n# {3}FlyteWorkflow \(flyteworkflows\.flyte\.lyft\.com\): /);
  const role = parseYaml(r.stdout) as { kind: string; metadata: { name: string; labels: Record<string, string> } };
  assert.equal(
    [role.kind, role.metadata.name, role.metadata.labels],
    ['ClusterRole', 'flyte-dp-flyteadmin', { 'app.kubernetes.io/managed-by': 'flytemc', 'flytemc.io/rbac': 'minimal' }],
  );
});

test("json and table: from the files' own templates; the namespace from HELM_NAMESPACE, but not Helm's 'default'", () => {
  const own = file(
    'own.yaml',
    'flyte-core:\n  cluster_resource_manager:\n    templates:\n      - {key: sa, value: "apiVersion: v1\\nkind: ServiceAccount\\nmetadata: {name: x}\\n"}\n',
  );
  const j = rbac(['-f', own, '-o', 'json'], { HELM_NAMESPACE: 'team' });
  assert.is(j.code, 0, j.stderr);
  const out = JSON.parse(j.stdout) as { clusterRole: { metadata: { name: string } }; needs: Array<{ kind: string; from: string[] }> };
  assert.is(out.clusterRole.metadata.name, 'team-flyteadmin');
  assert.equal(
    out.needs.map((n) => n.kind),
    ['ServiceAccount', 'FlyteWorkflow'],
  );
  const t = rbac(['-f', own, '-o', 'table'], { HELM_NAMESPACE: 'default' });
  assert.is(t.code, 0, t.stderr);
  assert.match(t.stdout, `ServiceAccount flyte/flyteadmin needs, from the templates of ${own}:\n`);
  assert.match(t.stdout, /KIND\s+RESOURCE\s+VERBS\s+FROM/);
  assert.match(t.stdout, /ServiceAccount\s+serviceaccounts\s+create,get,patch\s+sa/);
  assert.match(t.stdout, /FlyteWorkflow\s+flyteworkflows\.flyte\.lyft\.com\s+create,get,update,delete,list,watch/);
});

test('templates without apiVersion and kind refused (exit 1), one or several; a bad -o is a usage error; --help', () => {
  const one = file('one.yaml', 'flyte-core:\n  cluster_resource_manager:\n    templates:\n      - {key: x, value: "metadata: {}"}\n');
  const r1 = rbac(['-f', one]);
  assert.is(r1.code, 1);
  assert.match(r1.stderr, `${one}: flyte-core.cluster_resource_manager.templates: template x names no apiVersion and kind`);
  assert.match(r1.stderr, 'fix: give every template top-level apiVersion: and kind: lines');
  const two = file('two.yaml', 'flyte-core:\n  cluster_resource_manager:\n    templates:\n      - {key: x, value: "a: 1"}\n      - {key: y, value: "b: 2"}\n');
  assert.match(rbac(['-f', two]).stderr, 'templates x, y name no apiVersion and kind');
  const bad = rbac(['-o', 'xml']);
  assert.is(bad.code, 2);
  const help = rbac(['--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /^Usage: helm flytemc rbac /);
});

test.run();
