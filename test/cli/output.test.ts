// plugin/cli/output.ts: -o table|yaml|json (a format a command does not offer refused), tables padded
// to the widest cell, shares as percentages, the home folder as ~ in tables.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { parseFormat, percent, render, table, tildify } from '../../plugin/cli/output.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

test('-o: the command default when absent, one of the formats it offers, else a usage error naming them', () => {
  assert.is(parseFormat(undefined), 'table');
  assert.is(parseFormat(undefined, ['yaml', 'json']), 'yaml');
  assert.is(parseFormat('json'), 'json');
  assert.throws(
    () => parseFormat('table', ['yaml', 'json']),
    (e: unknown) => e instanceof UsageError && e.message === '-o "table": use one of yaml, json',
  );
});

test('render: JSON and YAML of the data, the table only for people', () => {
  const data = { b: 1, a: ['x'] };
  assert.is(
    render('json', data, () => 'T'),
    '{\n  "b": 1,\n  "a": [\n    "x"\n  ]\n}\n',
  );
  assert.is(
    render('yaml', data, () => 'T'),
    'b: 1\na:\n  - x\n',
  );
  assert.is(
    render('table', data, () => 'T'),
    'T',
  );
});

test('table: columns padded to the widest cell, the last one not, an indent; percentages; ~ for the home folder', () => {
  assert.is(
    table(
      ['NAME', 'X'],
      [
        ['a', '1'],
        ['long-name', ''],
      ],
      '  ',
    ),
    '  NAME       X\n  a          1\n  long-name\n',
  );
  assert.is(percent(0.5), '50.0%');
  assert.is(percent(0.0004), '0.040%');
  assert.is(tildify('/home/u/bin and /home/u/x', '/home/u/'), '~/bin and ~/x');
  assert.is(tildify('/x', '/'), '/x');
});

test.run();
