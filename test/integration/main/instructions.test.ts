import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, FAKE_MODEL, type ReceivedRequest } from '../helpers/fake';
import { fileUri, openWithSelection, withSetting, writeFile } from '../helpers/workspace';

// A fake credential in a shape secretlint knows; not real.
const GITHUB_TOKEN = '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';

const FILES = {
  agents: 'AGENTS.md',
  copilot: '.github/copilot-instructions.md',
  typescript: '.github/instructions/typescript.instructions.md',
} as const;

/** How many times a text occurs in everything the model received. */
function occurrences(request: ReceivedRequest, text: string): number {
  return allText(request).split(text).length - 1;
}

/**
 * The last request the model received that carries this text. On a busy machine an earlier test's
 * request can still arrive late (the chat keeps it running beside a new session), so the last request
 * is not always this test's.
 */
function requestWith(lm: { fake: { received: readonly ReceivedRequest[] } }, text: string): ReceivedRequest {
  const request = [...lm.fake.received].reverse().find((candidate) => allText(candidate).includes(text));
  assert.ok(request, `no request carried ${text}`);
  return request;
}

function indexOfMessage(request: ReceivedRequest, text: string): number {
  return request.messages.findIndex((message) => message.text.includes(text));
}

suite("the team's instruction files", function () {
  // Each test is one or two real chat requests; a busy machine makes the first of a run slow.
  this.timeout(240_000);
  const lm = useFakeModel();

  // The python.instructions.md of the workspace fixture (applyTo **/*.py) stays: it never applies here.
  setup(async () => {
    await writeFile(FILES.agents, '# How we build APIs\nAGENTS-RULE: every list endpoint is paginated.\n');
    await writeFile(FILES.copilot, 'COPILOT-RULE: errors use the problem+json shape.\n');
    await writeFile(FILES.typescript, '---\napplyTo: "src/**/*.ts, **/*.tsx"\n---\nTYPESCRIPT-RULE: validate request bodies with zod.\n');
  });
  teardown(async () => {
    for (const path of Object.values(FILES)) await vscode.workspace.fs.delete(fileUri(path)).then(undefined, () => undefined);
  });

  test('each reaches the model once, as conventions after the persona and before the code', async () => {
    const result = await ask('@architect /review order check', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const request = requestWith(lm, 'order check');
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TYPESCRIPT-RULE']) assert.strictEqual(occurrences(request, marker), 1, marker);
    const rules = indexOfMessage(request, 'AGENTS-RULE');
    assert.strictEqual(rules, 1, 'the rules come right after the persona and task');
    assert.match(request.messages[0]?.text ?? '', /You are answering as/);
    const text = request.messages[1]?.text ?? '';
    assert.match(text, /team's conventions/);
    assert.ok(text.indexOf('AGENTS-RULE') < text.indexOf('COPILOT-RULE') && text.indexOf('COPILOT-RULE') < text.indexOf('TYPESCRIPT-RULE'));
    assert.ok(indexOfMessage(request, 'Attached file: src/users.ts') > rules, 'the code comes after the rules');
    assert.ok(!allText(request).includes('Attached file: AGENTS.md'), 'AGENTS.md was sent as code to review');
    assert.deepStrictEqual(result.metadata?.['instructions'], [FILES.agents, FILES.copilot, FILES.typescript]);
  });

  test('a scoped file whose applyTo matches none of the request files is not sent', async () => {
    const result = await ask('@architect /schema applyTo check', { attach: [fileUri('package.json')] });
    const request = requestWith(lm, 'applyTo check');
    assert.strictEqual(occurrences(request, 'TYPESCRIPT-RULE'), 0, 'applyTo src/**/*.ts matched package.json');
    assert.strictEqual(occurrences(request, 'PYTHON-ONLY-RULE'), 0);
    assert.strictEqual(occurrences(request, 'AGENTS-RULE'), 1);
    assert.deepStrictEqual(result.metadata?.['instructions'], [FILES.agents, FILES.copilot]);
  });

  test('a secret in AGENTS.md is redacted before it is sent', async () => {
    await writeFile(FILES.agents, `AGENTS-RULE: deploy with the bot token ${GITHUB_TOKEN}.\n`);
    const result = await ask('@architect /review redaction check', { attach: [fileUri('src/users.ts')] });
    const sent = allText(requestWith(lm, 'redaction check'));
    assert.ok(!sent.includes(GITHUB_TOKEN), 'the token in AGENTS.md reached the model');
    assert.match(sent, /AGENTS-RULE: deploy with the bot token \[REDACTED:github-token\]/);
    assert.strictEqual(result.metadata?.['redactions'], 1);
  });

  test('an instruction file matching architect.exclude is not sent, and the answer says so', async () => {
    lm.restoreLater(await withSetting('architect.exclude', ['AGENTS.md']));
    const result = await ask('@architect /review exclusion check', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(occurrences(requestWith(lm, 'exclusion check'), 'AGENTS-RULE'), 0);
    assert.ok((result.metadata?.['notes'] as string[]).some((note) => note.startsWith('AGENTS.md was not used: it matches the exclusion')));
  });

  test('with architect.instructionFiles off, none is sent, not even as an attachment', async () => {
    lm.restoreLater(await withSetting('architect.instructionFiles', false));
    const result = await ask('@architect /review setting check', { attach: [fileUri('src/users.ts')] });
    const request = requestWith(lm, 'setting check');
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TYPESCRIPT-RULE']) assert.strictEqual(occurrences(request, marker), 0, marker);
    assert.deepStrictEqual(result.metadata?.['instructions'], []);
  });

  test('Generate Design Doc carries them, with applyTo matched against the active editor', async () => {
    lm.fake.behave({ reply: ['# API Design: Users\n'] });
    await openWithSelection(fileUri('src/users.ts'));
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('architect.generateDesignDoc', {
      description: 'Users API',
      includeActiveEditor: true,
      modelSelector: FAKE_MODEL,
    });
    const request = requestWith(lm, 'Task: write a design document');
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TYPESCRIPT-RULE']) assert.strictEqual(occurrences(request, marker), 1, marker);
    assert.strictEqual(indexOfMessage(request, 'AGENTS-RULE'), 1);
    assert.ok(indexOfMessage(request, 'Attached file: src/users.ts') > 1);
    if (saved) await vscode.workspace.fs.delete(saved);
  });
});
