import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatRequestLog } from '../../../src/core/log/requestLog';
import { buildRequest } from '../../../src/core/request/buildRequest';
import { fileSource, shippedPersona } from '../support/helpers';

describe('request log', () => {
  test('R12: the info line has timings, tokens and trims, and no prompt text or file content', async () => {
    const code = 'const SECRET_BUSINESS_RULE = "never share";\n'.repeat(3000);
    const plan = await buildRequest({
      command: 'review',
      question: 'MY PRIVATE QUESTION',
      persona: shippedPersona(),
      context: [{ kind: 'attachments', sources: [fileSource('src/rules.ts', code)] }],
      history: [],
      exclude: [],
      redactSecrets: true,
      maxInputTokens: 4096,
    });
    const line = formatRequestLog({
      id: 7,
      command: '/review',
      persona: 'backend-architect',
      model: 'fakevendor/fake-1',
      contextBuiltMs: 3.2,
      requestSentMs: 4,
      firstChunkMs: 40.4,
      doneMs: 300,
      estimatedTokens: plan.estimatedTokens,
      countedTokens: 3000,
      maxInputTokens: 4096,
      trimmed: plan.trimmed,
      skipped: 0,
      redactions: plan.redactions,
      chunks: 12,
      findings: 2,
      outcome: 'ok',
    });
    assert.match(
      line,
      /^request #7 \/review persona=backend-architect model=fakevendor\/fake-1 outcome=ok \| timings: context 3ms, sent 4ms, first chunk 40ms, done 300ms \| tokens ~[\d,]+ \(counted 3,000\) of 4,096/,
    );
    assert.match(line, /trimmed: src\/rules\.ts lines 1–\d+ of 3,001/);
    assert.ok(!line.includes('SECRET_BUSINESS_RULE') && !line.includes('MY PRIVATE QUESTION') && !line.includes('Marcus Rivera'));
  });

  test('a request answered without a model logs why, as a code', () => {
    const line = formatRequestLog({
      id: 8,
      command: '/changes',
      persona: 'backend-architect',
      model: 'fakevendor/fake-1',
      contextBuiltMs: 1,
      doneMs: 2,
      estimatedTokens: 0,
      maxInputTokens: 4096,
      trimmed: [],
      skipped: 0,
      redactions: 0,
      chunks: 0,
      outcome: 'answered-without-model',
      reason: 'repository-not-opened',
    });
    assert.match(line, /^request #8 \/changes .* outcome=answered-without-model reason=repository-not-opened \|/);
  });
});
