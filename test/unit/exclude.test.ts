import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { excludingPattern } from '../../src/core/context/exclude';
import { designDocFileName, slugify } from '../../src/core/design/designDoc';

const isExcluded = (path: string, patterns: readonly string[]) => excludingPattern(path, patterns) !== undefined;

describe('R41 Windows names', () => {
  test('R41 an alternate data stream or trailing dots and spaces name the excluded file itself', () => {
    const patterns = ['**/*.pem', '.env'];
    for (const path of [
      'certs/server.pem::$DATA',
      'certs/server.pem:secret:$DATA',
      'certs/server.pem.',
      'certs/server.pem. . ',
      'certs\\server.pem::$DATA',
      '.env.',
      'app/.env::$DATA',
      'app/.env ',
    ]) {
      assert.ok(isExcluded(path, patterns), path);
    }
    assert.ok(isExcluded('keys./server.pem', ['keys/**']), 'a folder with a trailing dot is the folder itself');
    assert.ok(!isExcluded('certs/server.pem.ts', patterns));
    assert.ok(!isExcluded('src/env.ts', patterns));
  });

  test('R41 a file name with a colon is still matched as written, where it is a real name', () => {
    assert.ok(isExcluded('notes/a:b.pem', ['**/*.pem']));
  });

  test('R41 a device name such as CON, NUL or COM1 never becomes a design-doc file name', () => {
    const devices = ['CON', 'con', 'Prn', 'AUX', 'nul', 'NUL.md', 'Con.txt', 'COM1', 'com9', 'LPT1', 'lpt9', ' aux ', 'COM¹'];
    for (const description of devices) {
      const name = designDocFileName(slugify(description), 1);
      assert.doesNotMatch(name, /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i, `${description} → ${name}`);
      assert.match(name, /^[a-z0-9-]+\.md$/);
    }
    assert.equal(slugify('CON'), 'con-doc');
    assert.equal(slugify('console'), 'console', 'only the exact device names change');
    assert.equal(slugify('COM10'), 'com10');
  });
});
