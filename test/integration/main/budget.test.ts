import * as assert from 'assert';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, lastRequest } from '../helpers/fake';
import { writeFile } from '../helpers/workspace';

function bigFile(lineCount: number): string {
  return Array.from(
    { length: lineCount },
    (_, index) => `export function handler${index + 1}(req: Request) { return json({ id: ${index + 1}, ok: true }); }`,
  ).join('\n');
}

suite('token budget in the real VS Code', () => {
  const lm = useFakeModel();

  test('R17: maxInputTokens 4,096 with a 500 KB file attached: the request fits and the answer says what was cut', async () => {
    lm.fake.setMaxInputTokens(4096);
    const text = bigFile(7000);
    assert.ok(text.length > 500_000, `${text.length}`);
    const uri = await writeFile('src/big.ts', text);
    const result = await ask('@architect /review', {
      attach: [{ uri, range: { startLineNumber: 3000, startColumn: 1, endLineNumber: 3002, endColumn: 1 } }],
    });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const sent = allText(lastRequest(lm.fake));
    // The fake counts a token per four characters.
    assert.ok(Math.ceil(sent.length / 4) <= 4096, `sent about ${Math.ceil(sent.length / 4)} tokens`);
    assert.ok(sent.includes('3000 | export function handler3000('), 'the selection was sent');
    const trimmed = result.metadata?.['trimmed'] as string[];
    assert.match(trimmed[0] ?? '', /^src\/big\.ts lines \d+–\d+ of 7,000$/);
    assert.ok(Number(result.metadata?.['countTokensCalls']) <= 1);
  });

  test('R17: a model that counts four times more tokens than estimated still gets a prompt that fits', async () => {
    lm.fake.setMaxInputTokens(32_768);
    lm.fake.behave({ countTokens: 'chars' });
    const uri = await writeFile('src/big.ts', bigFile(7000));
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.ok(
      allText(lastRequest(lm.fake)).length <= 32_768,
      `sent ${allText(lastRequest(lm.fake)).length} characters, the fake counts one token each`,
    );
    assert.strictEqual(lm.fake.state.countTokensCalls, 1);
  });

  test('R21: countTokens that throws falls back to the estimate and the request still goes', async () => {
    lm.fake.setMaxInputTokens(4096);
    lm.fake.behave({ countTokens: 'throw' });
    const uri = await writeFile('src/big.ts', bigFile(3000));
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['outcome'], 'ok');
    assert.strictEqual(lm.fake.state.countTokensCalls, 1);
  });

  test('R21: countTokens that hangs falls back to the estimate and the request still goes', async () => {
    lm.fake.setMaxInputTokens(4096);
    lm.fake.behave({ countTokens: 'hang' });
    const uri = await writeFile('src/big.ts', bigFile(3000));
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['outcome'], 'ok');
  });

  test('R23: a file over 5 MB is windowed around the selection, never sent whole', async () => {
    const text = bigFile(70_000);
    assert.ok(text.length > 5 * 1024 * 1024, `${text.length}`);
    const uri = await writeFile('src/huge.ts', text);
    const result = await ask('@architect /review', {
      attach: [{ uri, range: { startLineNumber: 40_000, startColumn: 1, endLineNumber: 40_001, endColumn: 1 } }],
    });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.length < 1_200_000, `sent ${sent.length} characters`);
    assert.ok(sent.includes('40000 | export function handler40000('));
  });

  test('R24: a minified file is windowed by characters, and the answer notes it', async () => {
    lm.fake.setMaxInputTokens(8192);
    const uri = await writeFile('dist/app.min.js', 'var a=function(b){return b+1};'.repeat(70_000));
    const result = await ask('@architect what does this bundle do? summarize briefly', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /Line 1 is long \(minified\?\): only characters 1–[\d,]+ of 2,100,000 are shown/);
    assert.ok(
      (result.metadata?.['notes'] as string[]).some((note) =>
        /^dist\/app\.min\.js line 1 is very long \(minified\?\): sent characters 1–[\d,]+ of 2,100,000\.$/.test(note),
      ),
    );
    assert.ok(sent.length < 40_000);
  });

  test('history from earlier @architect turns reaches the model within budget', async () => {
    await ask('@architect first question about pagination');
    const result = await ask('@architect and what about rate limits?', { continueSession: true });
    assert.strictEqual(result.errorDetails, undefined);
    const roles = lastRequest(lm.fake).messages.map((message) => message.role);
    assert.deepStrictEqual(roles, ['user', 'user', 'assistant', 'user']);
    assert.strictEqual(lastRequest(lm.fake).messages[1]?.text, 'first question about pagination');
  });
});
