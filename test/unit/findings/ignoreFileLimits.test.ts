import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendIgnoreEntry, type IgnoreEntry, MAX_IGNORE_FILE_BYTES, parseIgnoreFile } from '../../../src/core/findings/ignoreFile';

const entry: IgnoreEntry = { file: 'src/new.ts', rule: 'SEC-9', title: 'A new one', fingerprint: 'fedcba9876543210' };

function entries(count: number): IgnoreEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    file: `src/file${index}.ts`,
    title: `Finding ${index}`,
    fingerprint: index.toString(16).padStart(16, '0'),
  }));
}

/** Characters the append changed: what is left between the longest common prefix and suffix. */
function changedCharacters(before: string, after: string): number {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return after.length - prefix - suffix;
}

describe('the ignore file, large or hostile', () => {
  test('R50 a file over the size cap is refused with a message, not parsed', () => {
    const huge = JSON.stringify(entries(1)).padEnd(MAX_IGNORE_FILE_BYTES + 1, ' ');
    const result = parseIgnoreFile(huge);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /over the limit of 1048576; it is not read/);
  });

  test('R50 "Ignore this finding" on a one-line file changes the same few characters however long the file is', () => {
    const changed = [10, 1_000, 8_000].map((count) => {
      const list = entries(count);
      const text = JSON.stringify(list);
      const updated = appendIgnoreEntry(text, list, entry);
      const reread = parseIgnoreFile(updated);
      assert.ok(reread.ok);
      assert.deepEqual(reread.entries.at(-1), entry);
      assert.equal(reread.entries.length, count + 1);
      return changedCharacters(text, updated);
    });
    // The insertion only: the same size for 10 entries as for 8,000, and never the rest of the line.
    assert.equal(new Set(changed).size, 1, JSON.stringify(changed));
    assert.ok((changed[0] ?? 0) < 200, JSON.stringify(changed));
  });

  test('R50 appending to an empty list, a file with a trailing comma or with comments keeps it valid', () => {
    for (const text of ['', '[]', '[\n]\n', '// ours\n[\n  {"file": "a.ts", "title": "t", "fingerprint": "aaaaaaaaaaaaaaaa"},\n]\n']) {
      const parsed = parseIgnoreFile(text);
      assert.ok(parsed.ok, text);
      const updated = appendIgnoreEntry(text, parsed.entries, entry);
      const reread = parseIgnoreFile(updated);
      assert.ok(reread.ok, updated);
      assert.deepEqual(reread.entries, [...parsed.entries, entry]);
    }
  });

  test('R50 a carriage return that ends a comment or a string cannot hide the nesting after it', () => {
    // jsonc-parser ends a // comment and an unterminated string at a CR: the depth count must too.
    for (const text of ['// x\r' + '['.repeat(100_000), '["x\r' + '['.repeat(100_000)]) {
      const result = parseIgnoreFile(text);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.message : '', /nested more than 16 levels deep/);
    }
  });

  test('R50 nesting of any depth and shape is refused or read, never a stack overflow', () => {
    const opener = fc.constantFrom('[', '{"a":', '[ // c\n', '["]",', '{"x\\"":');
    fc.assert(
      fc.property(fc.array(opener, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 120_000 }), (openers, depth) => {
        const text = Array.from({ length: depth }, (_, index) => openers[index % openers.length]).join('');
        const result = parseIgnoreFile(text.slice(0, MAX_IGNORE_FILE_BYTES));
        assert.equal(result.ok, false);
        if (depth > 16 && !result.ok) assert.match(result.message, /nested more than 16 levels deep|not valid JSON/);
      }),
      { numRuns: 40 },
    );
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseIgnoreFile(deep);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /nested more than 16 levels deep/);
  });
});
