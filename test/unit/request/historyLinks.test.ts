import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseFindings } from '../../../src/core/findings/parseFindings';
import { renderFindings } from '../../../src/core/findings/renderFindings';
import { type SentPiece } from '../../../src/core/request/plan';
import { withWorkspaceRelativeLinks } from '../../../src/core/request/historyLinks';

function piece(uri: string, label: string): SentPiece {
  return { key: uri, uri, label, matchPath: label, startLine: 1, endLine: 40, totalLines: 40, complete: true };
}

describe('findings links in the history', () => {
  test('the numbered list keeps its links, relative to the workspace folder, and no disk path', () => {
    const api = piece('file:///home/alice/shop/src/api.ts', 'src/api.ts');
    const db = piece('file:///home/alice/shop/src/db.ts', 'src/db.ts');
    const table = renderFindings(
      parseFindings(
        '[{"line": 12, "file": "src/api.ts", "severity": "high", "title": "a"}, {"line": 3, "file": "src/db.ts", "severity": "low", "title": "b"}]',
        [api, db],
      ),
    );
    const history = withWorkspaceRelativeLinks(table, ['file:///home/alice/shop']);
    assert.ok(!history.includes('alice'), history);
    assert.match(history, /^1\. 🔴 high · \[src\/api\\\.ts:12\]\(src\/api\.ts#L12\) · a$/m);
    assert.match(history, /^2\. 🔵 low · \[src\/db\\\.ts:3\]\(src\/db\.ts#L3\) · b$/m);
  });

  test('a nested folder is taken out whole; other text and other URIs stay as they were', () => {
    const text = 'See [a](file:///ws/app/x.ts#L1), [b](file:///ws/y.ts#L2), [c](https://example.com/ws/z) and file:///ws/ plain.';
    assert.equal(
      withWorkspaceRelativeLinks(text, ['file:///ws', 'file:///ws/app/']),
      'See [a](x.ts#L1), [b](y.ts#L2), [c](https://example.com/ws/z) and file:///ws/ plain.',
    );
    assert.equal(withWorkspaceRelativeLinks(text, []), text);
  });

  test('a text of nothing but link prefixes (hostile model output) comes out as its parentheses', () => {
    const hostile = '(file:///ws/'.repeat(20_000);
    const result = withWorkspaceRelativeLinks(hostile, ['file:///ws']);
    assert.equal(result, '('.repeat(20_000));
  });
});
