import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../support/helpers';

// A newcomer's Problems panel should hold Architect's findings, not TypeScript's complaints about an
// example that cannot find its modules: examples/ type-checks with nothing installed in it.
test('examples/ type-checks clean with nothing installed there (tsc --noEmit -p examples)', () => {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', path.join(repoRoot, 'examples')], {
    encoding: 'utf8',
  });
  const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  assert.deepEqual(errors, [], 'TypeScript errors in examples/');
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
