import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { eventually, sleep, type FakeLm } from '../helpers/fake';
import { fileUri, withSetting, writeFile } from '../helpers/workspace';

const TOOLS = ['architect_findFiles', 'architect_findReferences', 'architect_findSymbol', 'architect_readFile'];
const TOKEN = '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';

function toolResults(fake: FakeLm, requestIndex: number): string[] {
  return (fake.received[requestIndex]?.messages ?? []).flatMap((message) => message.toolResults.map((result) => result.text));
}

suite('read-only workspace tools and the tool loop', () => {
  const lm = useFakeModel();

  test("the model is offered the four tools for /review, and a tool's result reaches it in the next round", async () => {
    lm.fake.behave({ toolRounds: [[{ name: 'architect_readFile', input: { path: 'src/db.ts', startLine: 1, endLine: 3 } }]] });
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.deepStrictEqual([...(lm.fake.received[0]?.tools ?? [])].sort(), TOOLS);
    assert.strictEqual(lm.fake.received.length, 2);
    const [output] = toolResults(lm.fake, 1);
    assert.match(
      output ?? '',
      /^Attached file: src\/db\.ts\nLanguage: typescript\nLines: 1-3 of 7\n```typescript\n1 \| export const db = \{/,
    );
    assert.strictEqual(result.metadata?.['toolRounds'], 1);
    assert.strictEqual(result.metadata?.['toolCalls'], 1);
    // The persona still comes first, the question last, in the first request.
    assert.ok(lm.fake.received[0]?.messages[0]?.text.includes('Marcus Rivera'));
  });

  test('an excluded .env or a secret never appears in a tool result', async () => {
    await writeFile('src/secrets.ts', `export const token = "${TOKEN}";\n`);
    lm.fake.behave({
      toolRounds: [
        [
          { name: 'architect_readFile', input: { path: '.env' } },
          { name: 'architect_readFile', input: { path: 'src/secrets.ts' } },
        ],
        [
          { name: 'architect_findReferences', input: { path: 'src/secrets.ts', line: 1, symbol: 'token' } },
          { name: 'architect_readFile', input: { path: '../../etc/passwd' } },
        ],
      ],
    });
    const result = await ask('@architect what configuration does this service need? check the files', { attach: [fileUri('src/db.ts')] });
    assert.strictEqual(result.errorDetails, undefined);
    const outputs = [...toolResults(lm.fake, 1), ...toolResults(lm.fake, 2)].join('\n');
    assert.ok(!outputs.includes('fixture-password-do-not-send'), '.env content in a tool result');
    assert.ok(!outputs.includes(TOKEN), 'a secret in a tool result');
    assert.match(outputs, /\.env is excluded from what Architect sends to models/);
    assert.match(outputs, /\[REDACTED:github-token\]/);
    assert.match(outputs, /Invalid input for "path"/);
  });

  test('the round cap holds against a model that calls tools forever', async () => {
    lm.restoreLater(await withSetting('architect.tools.maxRounds', 3));
    lm.fake.behave({
      toolForever: true,
      toolRounds: [[{ name: 'architect_findFiles', input: { pattern: '**/*.ts' } }]],
      reply: ['Final answer after tools.'],
    });
    const result = await ask('@architect where are the handlers?');
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(lm.fake.state.toolRoundsServed, 3);
    assert.strictEqual(lm.fake.received.length, 4);
    assert.deepStrictEqual(lm.fake.received[3]?.tools, [], 'the last round still offered tools');
    assert.strictEqual(result.metadata?.['toolRounds'], 3);
  });

  test('cancelling mid-loop stops it quietly', async () => {
    lm.restoreLater(await withSetting('architect.tools.maxRounds', 20));
    lm.fake.behave({ toolForever: true, delayMs: 150, toolRounds: [[{ name: 'architect_findFiles', input: { pattern: '**/*' } }]] });
    const pending = ask('@architect explore everything');
    await eventually(() => lm.fake.state.toolRoundsServed >= 2, 15_000, 'two tool rounds');
    await vscode.commands.executeCommand('workbench.action.chat.cancel');
    const result = await pending;
    assert.strictEqual(result.errorDetails, undefined);
    const seen = lm.fake.received.length;
    await sleep(800);
    assert.ok(lm.fake.received.length <= seen + 1, 'the loop went on after cancellation');
    assert.ok(lm.fake.received.length < 20);
  });

  test('with tools disabled the model is offered none', async () => {
    lm.restoreLater(await withSetting('architect.tools.enabled', false));
    lm.fake.behave({ toolRounds: [[{ name: 'architect_readFile', input: { path: 'src/db.ts' } }]] });
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.deepStrictEqual(lm.fake.received[0]?.tools, []);
    assert.strictEqual(lm.fake.received.length, 1);
  });

  test('/design and /security work from what is attached: no tools', async () => {
    await ask('@architect /design a REST API for projects');
    await ask('@architect /security', { attach: [fileUri('src/users.ts')] });
    assert.deepStrictEqual(
      lm.fake.received.map((request) => request.tools.length),
      [0, 0],
    );
  });

  test('a model without tool calling gets the plain flow without an error', async () => {
    lm.fake.behave({ toolRounds: [[{ name: 'architect_readFile', input: { path: 'src/db.ts' } }]], reply: ['Plain answer.'] });
    const result = await ask('@architect /review', {
      attach: [fileUri('src/users.ts')],
      model: { vendor: 'fakevendor', id: 'fake-notools' },
    });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['model'], 'fakevendor/fake-notools');
    assert.deepStrictEqual(lm.fake.received.at(-1)?.tools, []);
  });

  test('findings may land on lines the model read through a tool', async () => {
    await vscode.commands.executeCommand('architect.clearFindings');
    lm.fake.behave({
      toolRounds: [[{ name: 'architect_readFile', input: { path: 'src/db.ts', startLine: 1, endLine: 6 } }]],
      reply: [
        'Logging SQL leaks data.\n```architect-findings\n[{"line":3,"file":"src/db.ts","severity":"medium","title":"Logs every query"}]\n```\n',
      ],
    });
    await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    const diagnostics = vscode.languages.getDiagnostics(fileUri('src/db.ts')).filter((d) => d.source === 'Architect');
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.range.start.line, d.message]),
      [[2, 'Logs every query']],
    );
  });

  test('a tool that fails becomes a result the model reads; the answer goes on', async () => {
    await writeFile('assets/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    lm.fake.behave({
      toolRounds: [[{ name: 'architect_findReferences', input: { path: 'assets/logo.png', line: 1, symbol: 'PNG' } }]],
      reply: ['Answer after a failed tool.'],
    });
    const result = await ask('@architect what uses the logo?');
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.match(toolResults(lm.fake, 1)[0] ?? '', /failed|does not appear|binary/);
  });

  test('find references never opens an excluded file: no yes/no probing of .env', async () => {
    lm.fake.behave({
      toolRounds: [[{ name: 'architect_findReferences', input: { path: '.env', line: 1, symbol: 'DB_PASSWORD=fixture' } }]],
    });
    await ask('@architect is the password set?');
    const [output] = toolResults(lm.fake, 1);
    assert.match(output ?? '', /^\.env is excluded from what Architect sends to models/);
  });

  test("text of a tool round and the next round's findings fence stay apart, so findings still apply", async () => {
    await vscode.commands.executeCommand('architect.clearFindings');
    lm.fake.behave({
      toolRounds: [[{ name: 'architect_readFile', input: { path: 'src/db.ts' } }]],
      toolRoundText: 'Let me read the database layer first.',
      reply: ['```architect-findings\n[{"line":2,"file":"src/users.ts","severity":"low","title":"After a tool round"}]\n```\n'],
    });
    await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    const diagnostics = vscode.languages.getDiagnostics(fileUri('src/users.ts')).filter((d) => d.source === 'Architect');
    assert.deepStrictEqual(
      diagnostics.map((d) => d.message),
      ['After a tool round'],
    );
  });
});
