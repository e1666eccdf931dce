import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnifiedDiff } from '../../../src/core/changes/parseDiff';
import { english } from '../../../src/core/i18n';
import { attachmentsSource } from '../../../src/core/sources/attachmentsSource';
import { changesSource } from '../../../src/core/sources/changesSource';
import { type SourceBudget } from '../../../src/core/sources/contextSource';
import { sourceFor } from '../../../src/core/sources/sourceFor';
import { fileSource, numberedLines } from '../support/helpers';

const protection = { exclude: ['.env', '.env.*'], redactSecrets: true, charsPerToken: 3.5, t: english };
const budget = (tokens: number): SourceBudget => ({
  tokens,
  budgetTokens: tokens + 1_000,
  charsPerToken: 3.5,
  frame: (pieces) => pieces.map((text) => ({ role: 'user', text })),
  alreadyShown: new Map(),
});

describe('the attachments source', () => {
  test('screen: an excluded file is named and skipped; only usable code counts', () => {
    const screened = attachmentsSource([fileSource('.env', 'A=1'), fileSource('src/a.ts', 'const a = 1;')]).screen(protection);
    assert.deepEqual(screened.skipped, [{ label: '.env', reason: 'excluded' }]);
    assert.equal(screened.candidates, 1);
    assert.match(screened.notes[0] ?? '', /^\.env was not sent: it matches the exclusion pattern/);
  });

  test('fit and ground: a windowed file shows exactly its window, and says it was cut', async () => {
    const source = fileSource('src/big.ts', numberedLines(2_000), { kind: 'selection', startLine: 1_000, endLine: 1_002 });
    const fitted = await attachmentsSource([source]).screen(protection).fit(budget(400));
    const [range] = fitted.ground().get(source.key) ?? [];
    assert.ok(range && range.startLine <= 1_000 && range.endLine >= 1_002 && range.endLine - range.startLine < 2_000);
    assert.deepEqual([fitted.sent[0]?.startLine, fitted.sent[0]?.endLine], [range?.startLine, range?.endLine]);
    assert.equal(fitted.whole, false);
    assert.ok(fitted.trimmed[0]?.startsWith('src/big.ts lines '));
    assert.deepEqual(fitted.metadata(), {});
  });

  test('under review: the selection, or the whole file when only the cursor is in it; never plain strings', () => {
    const sources = [
      fileSource('src/a.ts', numberedLines(40), { kind: 'selection', startLine: 5, endLine: 9 }),
      fileSource('src/b.ts', numberedLines(12), { kind: 'cursor', startLine: 3, endLine: 3 }),
      { key: 'string:0', label: 'pasted', matchPath: '', languageId: 'plaintext', content: { kind: 'text' as const, text: 'x' } },
    ];
    assert.deepEqual(attachmentsSource(sources).underReview(), [
      { key: 'file:///ws/src/a.ts', ranges: [{ startLine: 5, endLine: 9 }] },
      { key: 'file:///ws/src/b.ts', ranges: [{ startLine: 1, endLine: 12 }] },
    ]);
  });
});

describe('the changes source', () => {
  const diff = parseUnifiedDiff(
    'diff --git a/src/api.ts b/src/api.ts\n--- a/src/api.ts\n+++ b/src/api.ts\n@@ -10,3 +10,4 @@\n a\n-b\n+b2\n+b3\n c\n@@ -40,1 +41,2 @@\n x\n+y\n',
  );
  const data = {
    files: diff,
    refused: [{ path: 'src/huge.bin', reason: 'it is larger than 50 MB' }],
    keys: { 'src/api.ts': 'file:///ws/src/api.ts' },
    repository: 'app',
  };

  test('screen: what could not be read at all is the answer; otherwise the changed paths select the rules', () => {
    assert.equal(
      changesSource({ files: [], refused: [], keys: {}, unavailable: 'Nothing is staged.' }).screen(protection).unavailable,
      'Nothing is staged.',
    );
    const screened = changesSource(data).screen(protection);
    assert.deepEqual(screened.paths, ['src/api.ts']);
    assert.equal(screened.candidates, 2);
  });

  test('fit, ground, scope and metadata: the hunks sent, findings bound to changed lines, the counts and repository', async () => {
    const fitted = await changesSource(data).screen(protection).fit(budget(4_000));
    assert.equal(fitted.pieces.length, 1);
    // Each hunk is shown, not the lines between them (R45).
    assert.deepEqual(fitted.ground().get('file:///ws/src/api.ts'), [
      { startLine: 10, endLine: 13 },
      { startLine: 41, endLine: 42 },
    ]);
    assert.ok(fitted.findingsScope?.touches('src/api.ts', 11));
    assert.ok(!fitted.findingsScope?.touches('src/api.ts', 25));
    assert.equal(fitted.findingsScope?.outsideNote(2, english), '2 other findings were left out: they are not on or near a changed line.');
    assert.deepEqual(fitted.metadata(), { changes: { files: 1, added: 3, removed: 1, omitted: 0 }, repository: 'app' });
    assert.ok(fitted.notes.includes('src/huge.bin was not sent: it is larger than 50 MB'));
  });

  test('under review: the runs of added lines, in new-version numbers', () => {
    assert.deepEqual(changesSource(data).underReview(), [
      {
        key: 'file:///ws/src/api.ts',
        ranges: [
          { startLine: 11, endLine: 12 },
          { startLine: 42, endLine: 42 },
        ],
      },
    ]);
  });
});

describe('one table of sources', () => {
  test('each kind of context input has its source, and each source says its role', () => {
    assert.equal(sourceFor({ kind: 'attachments', sources: [] }).role, 'under-review');
    assert.equal(sourceFor({ kind: 'changes', changes: { files: [], refused: [], keys: {} } }).role, 'under-review');
    assert.equal(sourceFor({ kind: 'related', candidates: [] }).role, 'related');
  });
});
