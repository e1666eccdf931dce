import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, FAKE_MODEL, lastRequest, type ReceivedRequest } from '../helpers/fake';
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

function indexOfMessage(request: ReceivedRequest, text: string): number {
  return request.messages.findIndex((message) => message.text.includes(text));
}

suite("the team's instruction files", () => {
  const lm = useFakeModel();

  // The python.instructions.md of the workspace fixture (applyTo **/*.py) stays: it never applies here.
  setup(async () => {
    await writeFile(FILES.agents, '# How we build APIs\nAGENTS-RULE: every list endpoint is paginated.\n');
    await writeFile(FILES.copilot, 'COPILOT-RULE: errors use the problem+json shape.\n');
    await writeFile(FILES.typescript, '---\napplyTo: "src/**/*.ts, **/*.tsx"\n---\nTS-RULE: validate request bodies with zod.\n');
  });
  teardown(async () => {
    for (const path of Object.values(FILES)) await vscode.workspace.fs.delete(fileUri(path)).then(undefined, () => undefined);
  });

  test('each reaches the model once, as conventions after the persona and before the code', async () => {
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const request = lastRequest(lm.fake);
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TS-RULE']) assert.strictEqual(occurrences(request, marker), 1, marker);
    const rules = indexOfMessage(request, 'AGENTS-RULE');
    assert.strictEqual(rules, 1, 'the rules come right after the persona and task');
    assert.match(request.messages[0]?.text ?? '', /You are answering as/);
    const text = request.messages[1]?.text ?? '';
    assert.match(text, /team's conventions/);
    assert.ok(text.indexOf('AGENTS-RULE') < text.indexOf('COPILOT-RULE') && text.indexOf('COPILOT-RULE') < text.indexOf('TS-RULE'));
    assert.ok(indexOfMessage(request, 'Attached file: src/users.ts') > rules, 'the code comes after the rules');
    assert.ok(!allText(request).includes('Attached file: AGENTS.md'), 'AGENTS.md was sent as code to review');
    assert.deepStrictEqual(result.metadata?.['instructions'], [FILES.agents, FILES.copilot, FILES.typescript]);
  });

  test('a scoped file whose applyTo matches none of the request files is not sent', async () => {
    const result = await ask('@architect /schema', { attach: [fileUri('package.json')] });
    const request = lastRequest(lm.fake);
    assert.strictEqual(occurrences(request, 'TS-RULE'), 0, 'applyTo src/**/*.ts matched package.json');
    assert.strictEqual(occurrences(request, 'PYTHON-ONLY-RULE'), 0);
    assert.strictEqual(occurrences(request, 'AGENTS-RULE'), 1);
    assert.deepStrictEqual(result.metadata?.['instructions'], [FILES.agents, FILES.copilot]);
  });

  test('a secret in AGENTS.md is redacted before it is sent', async () => {
    await writeFile(FILES.agents, `AGENTS-RULE: deploy with the bot token ${GITHUB_TOKEN}.\n`);
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    const sent = allText(lastRequest(lm.fake));
    assert.ok(!sent.includes(GITHUB_TOKEN), 'the token in AGENTS.md reached the model');
    assert.match(sent, /AGENTS-RULE: deploy with the bot token \[REDACTED:github-token\]/);
    assert.strictEqual(result.metadata?.['redactions'], 1);
  });

  test('an instruction file matching architect.exclude is not sent, and the answer says so', async () => {
    lm.restoreLater(await withSetting('architect.exclude', ['AGENTS.md']));
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(occurrences(lastRequest(lm.fake), 'AGENTS-RULE'), 0);
    assert.ok((result.metadata?.['notes'] as string[]).some((note) => note.startsWith('AGENTS.md was not used: it matches the exclusion')));
  });

  test('with architect.instructionFiles off, none is sent, not even as an attachment', async () => {
    lm.restoreLater(await withSetting('architect.instructionFiles', false));
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    const request = lastRequest(lm.fake);
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TS-RULE']) assert.strictEqual(occurrences(request, marker), 0, marker);
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
    const request = lastRequest(lm.fake);
    for (const marker of ['AGENTS-RULE', 'COPILOT-RULE', 'TS-RULE']) assert.strictEqual(occurrences(request, marker), 1, marker);
    assert.strictEqual(indexOfMessage(request, 'AGENTS-RULE'), 1);
    assert.ok(indexOfMessage(request, 'Attached file: src/users.ts') > 1);
    if (saved) await vscode.workspace.fs.delete(saved);
  });
});
