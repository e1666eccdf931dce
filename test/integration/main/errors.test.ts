import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, eventually, lastRequest, sleep, type FakeLm } from '../helpers/fake';
import { captureMessages } from '../helpers/messages';
import { writeFile } from '../helpers/workspace';

suite('language model faults (R13–R22)', () => {
  const lm = useFakeModel();

  async function nextRequestStillWorks(): Promise<void> {
    lm.fake.behave({});
    const result = await ask('@architect are you still there?');
    assert.strictEqual(result.errorDetails, undefined, 'the next request failed');
    assert.strictEqual(result.metadata?.['outcome'], 'ok');
  }

  test('R13: no language model at all gives a clear "no model" message that says how to get one', async () => {
    const messages = captureMessages();
    try {
      lm.fake.setEnabled(false);
      await eventually(async () => (await vscode.lm.selectChatModels({ vendor: 'fakevendor' })).length === 0, 10_000);
      const uri = await vscode.commands.executeCommand('architect.generateDesignDoc', { description: 'REST API for projects' });
      assert.strictEqual(uri, undefined);
      const error = messages.shown.find((message) => message.level === 'error');
      assert.match(error?.text ?? '', /No language model is available\. Install and sign in to GitHub Copilot/);
    } finally {
      messages.restore();
      lm.fake.setEnabled(true);
    }
    await eventually(async () => (await vscode.lm.selectChatModels({ vendor: 'fakevendor' })).length > 0, 10_000);
    await nextRequestStillWorks();
  });

  const cases: Array<[string, Parameters<FakeLm['behave']>[0], RegExp]> = [
    [
      'R14: NoPermissions explains consent and suggests retrying',
      { error: { code: 'NoPermissions', message: 'no consent' } },
      /needs your consent\. Run the request again and choose Allow/,
    ],
    ['R15: Blocked says to try later, without retrying', { error: { code: 'Blocked', message: 'blocked by policy' } }, /Try again later/],
    [
      'R15: a rate limit or quota says to try later',
      { error: { message: 'Rate limit exceeded: too many requests (429)' } },
      /rate-limited or out of quota right now\. Try again in a few minutes/,
    ],
    ['R16: NotFound suggests choosing another model', { error: { code: 'NotFound', message: 'gone' } }, /Choose another model/],
    [
      'R16: "model not supported" suggests choosing another model',
      { error: { message: 'The requested model is not supported' } },
      /Choose another model/,
    ],
    ['R18: an empty answer says so instead of a blank reply', { reply: [] }, /sent no answer\. Try again/],
  ];
  for (const [title, behaviour, expected] of cases) {
    test(title, async () => {
      lm.fake.behave(behaviour);
      const before = lm.fake.received.length;
      const result = await ask('@architect review my API design idea: users and projects');
      assert.match(result.errorDetails?.message ?? '', expected);
      assert.ok(!/\n\s+at /.test(result.errorDetails?.message ?? ''), 'a stack trace reached the user');
      assert.strictEqual(lm.fake.received.length, before + 1, 'a failed request was retried');
      await nextRequestStillWorks();
    });
  }

  test('R19: a stream that fails half-way keeps what arrived, then the error; no findings applied', async () => {
    const uri = await writeFile('src/half.ts', 'export const a = 1;\nexport const b = 2;\n');
    await vscode.commands.executeCommand('architect.clearFindings');
    lm.fake.behave({
      reply: ['First part. ', 'Second part. ', '```architect-findings\n[{"line":1,"severity":"high","title":"x"}]\n```\n'],
      error: { message: 'connection reset', afterChunks: 2 },
    });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.match(result.errorDetails?.message ?? '', /failed: connection reset/);
    assert.strictEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Architect').length, 0);
    await nextRequestStillWorks();
  });

  test('R20: cancelling during streaming stops quietly', async () => {
    lm.fake.behave({ reply: ['Working on it'], untilCancelled: true });
    const pending = ask('@architect a long answer please');
    await eventually(() => lm.fake.received.length > 0, 15_000, 'the request to reach the model');
    await sleep(200);
    await vscode.commands.executeCommand('workbench.action.chat.cancel');
    const result = await pending;
    assert.strictEqual(result.errorDetails, undefined);
    await eventually(() => lm.fake.state.cancelledRequests > 0, 5_000, 'the provider to see the cancellation');
    await nextRequestStillWorks();
  });

  test('R20: cancelling before the model is asked sends nothing', async () => {
    lm.fake.setMaxInputTokens(4096);
    lm.fake.behave({ countTokens: 'hang' });
    const uri = await writeFile('src/big-for-cancel.ts', Array.from({ length: 3000 }, (_, i) => `export const v${i} = ${i};`).join('\n'));
    const pending = ask('@architect /review', { attach: [uri] });
    await eventually(() => lm.fake.state.countTokensCalls > 0, 15_000, 'the token count to start');
    await vscode.commands.executeCommand('workbench.action.chat.cancel');
    const result = await pending;
    assert.strictEqual(result.errorDetails, undefined);
    await sleep(2500);
    assert.strictEqual(lm.fake.received.length, 0, 'the model was asked after cancellation');
    lm.fake.setMaxInputTokens(128_000);
    await nextRequestStillWorks();
  });

  test('R22: two requests at once are both answered, nothing interleaved, findings kept apart', async () => {
    const left = await writeFile('src/left.ts', 'export const left = 1;\nexport const leftTwo = 2;\n');
    const right = await writeFile('src/right.ts', 'export const right = 1;\nexport const rightTwo = 2;\nexport const rightThree = 3;\n');
    await vscode.commands.executeCommand('architect.clearFindings');
    lm.fake.behave({
      delayMs: 30,
      reply: (request) => {
        const isLeft = request.messages.some((message) => message.text.startsWith('Attached file: src/left.ts'));
        const name = isLeft ? 'LEFT' : 'RIGHT';
        return [
          `${name} one. `,
          `${name} two. `,
          `${name} three.\n`,
          '```architect-findings\n',
          JSON.stringify([{ line: isLeft ? 2 : 3, severity: 'low', title: `${name} finding` }]),
          '\n```\n',
        ];
      },
    });
    const first = ask('@architect /review', { attach: [left] });
    await eventually(() => lm.fake.received.length === 1, 15_000);
    const second = ask('@architect /review', { attach: [right] });
    const [a, b] = await Promise.all([first, second]);
    assert.strictEqual(a.errorDetails, undefined);
    assert.strictEqual(b.errorDetails, undefined);
    assert.strictEqual(lm.fake.received.length, 2);
    const diagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Architect');
    assert.deepStrictEqual(
      diagnostics(left).map((d) => [d.range.start.line, d.message]),
      [[1, 'LEFT finding']],
    );
    assert.deepStrictEqual(
      diagnostics(right).map((d) => [d.range.start.line, d.message]),
      [[2, 'RIGHT finding']],
    );
    const firstSent = allText(lm.fake.received[0] ?? lastRequest(lm.fake));
    assert.ok(firstSent.includes('src/left.ts') && !firstSent.includes('src/right.ts'));
    assert.ok(allText(lastRequest(lm.fake)).includes('src/right.ts'));
  });

  test('R22: two @architect requests and a design-doc generation at the same time: each answer and each file correct and separate', async () => {
    const left = await writeFile('src/left2.ts', 'export const l = 1;\nexport const l2 = 2;\n');
    const right = await writeFile('src/right2.ts', 'export const r = 1;\nexport const r2 = 2;\n');
    await vscode.commands.executeCommand('architect.clearFindings');
    lm.fake.behave({
      delayMs: 20,
      reply: (request) => {
        const last = request.messages.at(-1)?.text ?? '';
        if (last === 'Concurrent design API') return ['# API Design: Concurrent\n', '\n## Endpoints\n', 'DESIGN-BODY\n'];
        const isLeft = request.messages.some((message) => message.text.startsWith('Attached file: src/left2.ts'));
        const name = isLeft ? 'LEFT' : 'RIGHT';
        return [
          `${name} a. `,
          `${name} b.\n`,
          '```architect-findings\n',
          JSON.stringify([
            { line: isLeft ? 1 : 2, file: isLeft ? 'src/left2.ts' : 'src/right2.ts', severity: 'high', title: `${name} only` },
          ]),
          '\n```\n',
        ];
      },
    });
    const first = ask('@architect /review', { attach: [left] });
    await eventually(() => lm.fake.received.length >= 1, 15_000);
    const design = vscode.commands.executeCommand<vscode.Uri>('architect.generateDesignDoc', {
      description: 'Concurrent design API',
      modelSelector: { vendor: 'fakevendor', id: 'fake-1' },
    });
    const second = ask('@architect /review', { attach: [right] });
    const [a, b, uri] = await Promise.all([first, second, design]);
    assert.strictEqual(a.errorDetails, undefined);
    assert.strictEqual(b.errorDetails, undefined);
    assert.ok(uri, 'the design doc was not saved');
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
      '# API Design: Concurrent\n\n## Endpoints\nDESIGN-BODY\n',
    );
    const titles = (target: vscode.Uri) =>
      vscode.languages
        .getDiagnostics(target)
        .filter((d) => d.source === 'Architect')
        .map((d) => d.message);
    assert.deepStrictEqual(titles(left), ['LEFT only']);
    assert.deepStrictEqual(titles(right), ['RIGHT only']);
  });
});
