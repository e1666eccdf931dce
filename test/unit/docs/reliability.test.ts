import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/helpers';

describe('the reliability contract', () => {
  test('every row of the contract is named by at least one test', async () => {
    const { ROWS, rowTests } = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'reliability.mjs')).href)) as {
      ROWS: Record<string, string>;
      rowTests: () => Array<{ id: string }>;
    };
    const covered = new Set(rowTests().map((item) => item.id));
    const missing = Object.keys(ROWS).filter((id) => !covered.has(id));
    // Rows are added over time; none of the first 41 may go.
    for (let row = 1; row <= 41; row++) assert.ok(`R${String(row).padStart(2, '0')}` in ROWS, `R${row} is gone`);
    assert.deepEqual(missing, []);
  });
});
