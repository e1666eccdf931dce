import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { INTENTS } from '../../../src/core/intents/intentTable';
import { isResultMetadata, resultMetadata, type MetadataFacts } from '../../../src/core/result/resultMetadata';

const facts: MetadataFacts = {
  spec: INTENTS.review,
  persona: 'backend-architect',
  model: 'fake/model',
  findings: 0,
  redactions: 0,
  skipped: 0,
  instructions: [],
  trimmed: [],
  estimatedTokens: 10,
  countTokensCalls: 0,
  notes: [],
  outcome: 'ok',
  sources: {},
};

describe("the sources' part of ChatResult.metadata", () => {
  test('metadata.related lists each related piece sent: path, lines, symbol and why', () => {
    const related = [{ path: 'src/db/orders.ts', startLine: 10, endLine: 14, symbol: 'findOrders', reason: 'definition' as const }];
    const metadata = resultMetadata({ ...facts, sources: { related } });
    assert.deepEqual(metadata.related, related);
    assert.ok(isResultMetadata(JSON.parse(JSON.stringify(metadata))));
  });

  test('a request without a kind of context has none of its fields', () => {
    const metadata = resultMetadata(facts);
    assert.ok(!('related' in metadata) && !('changes' in metadata) && !('repository' in metadata));
  });

  test('a review of changes carries its counts and repository, from its source', () => {
    const changes = { files: 2, added: 5, removed: 1, omitted: 0 };
    const metadata = resultMetadata({
      ...facts,
      spec: INTENTS.changes,
      sources: { changes, repository: 'app' },
      findingsOutsideChanges: 1,
    });
    assert.deepEqual(
      [metadata.command, metadata.changes, metadata.repository, metadata.findingsOutsideChanges],
      ['changes', changes, 'app', 1],
    );
  });
});
