import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateMessagesTokens } from '../../../src/core/budget/budgetPolicy';
import { parseUnifiedDiff } from '../../../src/core/changes/parseDiff';
import { isShown } from '../../../src/core/findings/shownLines';
import { type RelatedCandidate } from '../../../src/core/related/relatedCode';
import { buildRequest } from '../../../src/core/request/buildRequest';
import { RELATED_SHARE } from '../../../src/core/request/fitSources';
import { type RequestInput } from '../../../src/core/request/plan';
import { type ContextInput } from '../../../src/core/sources/contextSource';
import { fileSource, numberedLines, shippedPersona } from '../support/helpers';
import { bigCandidate, candidate } from './relatedFixtures';

const ROUTES = numberedLines(30, (line) =>
  line === 14 ? 'router.get("/orders", async (req) => findOrders(req.user.id));' : `// route ${line}`,
);
const attached = (focus = { kind: 'selection' as const, startLine: 14, endLine: 14 }): ContextInput => ({
  kind: 'attachments',
  sources: [fileSource('src/routes/orders.ts', ROUTES, focus)],
});
const related = (candidates: readonly RelatedCandidate[]): ContextInput => ({ kind: 'related', candidates });

const base: RequestInput = {
  command: 'review',
  question: 'Is this safe?',
  persona: shippedPersona(),
  context: [],
  history: [],
  exclude: ['.env', '.env.*', '**/*.pem'],
  redactSecrets: true,
  maxInputTokens: 128_000,
};

const relatedPieces = (texts: readonly string[]) => texts.filter((text) => text.startsWith('Related code (not under review'));

describe('a request with related code', () => {
  test('related code comes after the attached code and before the question, and is named in the metadata', async () => {
    const plan = await buildRequest({ ...base, context: [attached(), related([candidate()])] });
    const texts = plan.messages.map((message) => message.text);
    assert.equal(texts.length, 4);
    assert.match(texts[1] ?? '', /^Attached file: src\/routes\/orders\.ts/);
    assert.match(texts[2] ?? '', /^Related code \(not under review, shown for context\): src\/db\/orders\.ts\nSymbol: findOrders\n/);
    assert.equal(texts[3], 'Is this safe?');
    assert.deepEqual(plan.sourceMetadata.related, [
      { path: 'src/db/orders.ts', startLine: 10, endLine: 14, symbol: 'findOrders', reason: 'definition' },
    ]);
  });

  test('the plan shows every source: the attached window and the related lines, for grounding findings', async () => {
    const plan = await buildRequest({ ...base, context: [attached(), related([candidate()])] });
    assert.ok(isShown(plan.shown, 'file:///ws/src/routes/orders.ts', { startLine: 1, endLine: 30 }));
    assert.ok(isShown(plan.shown, 'file:///ws/src/db/orders.ts', { startLine: 10, endLine: 14 }));
    assert.ok(!isShown(plan.shown, 'file:///ws/src/db/orders.ts', { startLine: 20, endLine: 20 }));
    assert.deepEqual(
      plan.sent.map((piece) => piece.key),
      ['file:///ws/src/routes/orders.ts', 'file:///ws/src/db/orders.ts'],
    );
  });

  test('related code alone is not something to review: no model call for an empty review', async () => {
    const plan = await buildRequest({
      ...base,
      question: '',
      context: [attached({ kind: 'selection', startLine: 1, endLine: 1 }), related([candidate()])].slice(1),
    });
    assert.match(plan.answerWithoutModel ?? '', /There is no code to look at/);
  });

  test('related code never displaces the code under review: the attached code is sent as it would be without it', async () => {
    const big = Array.from({ length: 12 }, (_, index) => bigCandidate(`helper${index}`, 200));
    const code = {
      kind: 'attachments' as const,
      sources: [fileSource('src/big.ts', numberedLines(3_000), { kind: 'selection' as const, startLine: 1_500, endLine: 1_510 })],
    };
    for (const maxInputTokens of [4_000, 16_000, 128_000]) {
      const without = await buildRequest({ ...base, maxInputTokens, context: [code] });
      const withRelated = await buildRequest({ ...base, maxInputTokens, context: [code, related(big)] });
      assert.equal(withRelated.messages[1]?.text, without.messages[1]?.text, `the code under review at ${maxInputTokens}`);
      assert.ok(withRelated.estimatedTokens <= withRelated.budgetTokens);
    }
  });

  test("a small model's budget: related code takes at most a quarter of the code budget, and the cut is named", async () => {
    const big = Array.from({ length: 12 }, (_, index) => bigCandidate(`helper${index}`, 120));
    const plan = await buildRequest({ ...base, maxInputTokens: 8_000, context: [attached(), related(big)] });
    const used = estimateMessagesTokens(relatedPieces(plan.messages.map((message) => message.text)));
    assert.ok(used > 0, 'some related code fits');
    assert.ok(used <= plan.codeBudgetTokens * RELATED_SHARE, `${used} of ${plan.codeBudgetTokens}`);
    assert.ok(plan.notes.some((note) => note.startsWith("Related code left out to fit the model's input limit: ")));
    assert.ok(plan.trimmed.some((line) => line.startsWith('related code helper')));
  });

  test('property: whatever the candidates and the model, related code stays within its quarter and the request within the budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('definition', 'type', 'caller' as const)), { maxLength: 15 }),
        fc.integer({ min: 2_000, max: 64_000 }),
        async (shapes, maxInputTokens) => {
          const candidates = shapes.map(([lines, reason], index) => bigCandidate(`s${index}`, lines, reason as RelatedCandidate['reason']));
          const plan = await buildRequest({ ...base, maxInputTokens, context: [attached(), related(candidates)] });
          if (plan.tooLarge !== undefined) return true;
          const used = estimateMessagesTokens(relatedPieces(plan.messages.map((message) => message.text)));
          return used <= Math.floor(plan.codeBudgetTokens * RELATED_SHARE) && plan.estimatedTokens <= plan.budgetTokens;
        },
      ),
      { numRuns: 40 },
    );
  });

  test('history is cut before related code', async () => {
    const history = Array.from({ length: 10 }, (_, index) => ({ request: `q${index}`, response: 'x'.repeat(3_000) }));
    const plan = await buildRequest({ ...base, maxInputTokens: 8_000, history, context: [attached(), related([candidate()])] });
    assert.equal(relatedPieces(plan.messages.map((message) => message.text)).length, 1);
    assert.ok(plan.trimmed.some((line) => / earlier turns$/.test(line)));
  });

  test('/changes: related code follows the diff, and findings stay bound to the changed lines', async () => {
    const diff = parseUnifiedDiff(
      'diff --git a/src/api.ts b/src/api.ts\n--- a/src/api.ts\n+++ b/src/api.ts\n@@ -10,2 +10,3 @@\n const a = 1;\n+const rows = findOrders(id);\n const d = 5;\n',
    );
    const changes: ContextInput = {
      kind: 'changes',
      changes: { files: diff, refused: [], keys: { 'src/api.ts': 'file:///ws/src/api.ts' } },
    };
    const plan = await buildRequest({ ...base, command: 'changes', question: '', context: [changes, related([candidate()])] });
    const texts = plan.messages.map((message) => message.text);
    assert.match(texts[1] ?? '', /^Changed file: src\/api\.ts/);
    assert.match(texts[2] ?? '', /^Related code/);
    assert.equal(texts[3], 'Review these changes.');
    assert.ok(plan.findingsScope?.touches('src/api.ts', 11));
    assert.ok(!plan.findingsScope?.touches('src/db/orders.ts', 11));
    assert.deepEqual(plan.sourceMetadata.changes, { files: 1, added: 1, removed: 0, omitted: 0 });
    assert.equal(plan.sourceMetadata.related?.length, 1);
  });
});
