// plugin/commands/index.ts: the command table: each command loads and says its summary and usage; the read-only ones are commands.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { READ_ONLY, commands } from '../../plugin/commands/index.ts';

test('the commands in the order of a first install, then the everyday ones', () => {
  assert.equal(Object.keys(commands), [
    'setup',
    'install',
    'export',
    'join',
    'check',
    'smoke',
    'rbac',
    'validate',
    'routes',
    'labels',
    'cordon',
    'uncordon',
    'drain',
    'rotate',
    'unjoin',
    'post-render',
  ]);
});

test('each command loads with a one-line summary, a usage naming it, and run()', async () => {
  for (const [name, load] of Object.entries(commands)) {
    const c = await load();
    assert.type(c.run, 'function', name);
    assert.ok(c.summary.length > 0 && !c.summary.includes('\n'), `${name}: ${c.summary}`);
    assert.ok(c.usage.includes(name), `${name}'s usage names it`);
  }
});

test('the read-only commands are validate, routes and check', () => {
  assert.equal([...READ_ONLY].sort(), ['check', 'routes', 'validate']);
  for (const c of READ_ONLY) assert.ok(c in commands, c);
});

test.run();
