import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ask } from '../helpers/chat';
import { allText, fakeLm, lastRequest, type FakeLm } from '../helpers/fake';
import { fileUri, writeFile } from '../helpers/workspace';
import manifest from '../../../package.json';

suite('the packaged .vsix, installed', () => {
  let fake: FakeLm;
  suiteSetup(async () => {
    fake = await fakeLm();
  });
  setup(() => fake.reset());

  test('the extension under test is the installed copy, not the repository', () => {
    const extension = vscode.extensions.getExtension('architect-tools.architect-chat');
    assert.ok(extension, 'architect-tools.architect-chat is not installed');
    const work = process.env['ARCHITECT_TEST_WORK'] ?? '';
    assert.ok(work !== '' && extension.extensionPath.startsWith(path.join(work, 'extensions')), extension.extensionPath);
    assert.strictEqual(extension.packageJSON.version, manifest.version);
  });

  test('@architect hello answers through the chat UI with the shipped persona', async () => {
    const result = await ask('@architect hello');
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['persona'], 'backend-architect');
    assert.ok(lastRequest(fake).messages[0]?.text.includes('Marcus Rivera'));
  });

  test('/review of a file with a secret: redacted, findings applied (the minified bundle works end to end)', async () => {
    const uri = await writeFile('src/vsix.ts', 'export const token = "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";\nexport const b = 2;\n');
    fake.behave({
      reply: ['Hard-coded token.\n```architect-findings\n[{"line":1,"severity":"critical","title":"Hard-coded token"}]\n```\n'],
    });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.ok(!allText(lastRequest(fake)).includes('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'));
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(fileUri('src/vsix.ts')).map((d) => d.message),
      ['Hard-coded token'],
    );
  });
});
