import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { FAKE_MODEL, allText, lastRequest } from '../helpers/fake';

suite('no folder open', () => {
  const lm = useFakeModel({ closeEditors: false });
  suiteSetup(() => {
    assert.strictEqual(vscode.workspace.workspaceFolders, undefined);
  });

  test('@architect answers with the built-in persona', async () => {
    const result = await ask('@architect hello from an empty window');
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['persona'], 'backend-architect');
  });

  test('Generate Design Doc leaves the document untitled and returns its untitled Uri', async () => {
    lm.fake.behave({ reply: ['# API Design: Nowhere\n\n', '## Endpoints\n'] });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('architect.generateDesignDoc', {
      description: 'Nowhere API',
      modelSelector: FAKE_MODEL,
    });
    assert.strictEqual(uri?.scheme, 'untitled');
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    assert.strictEqual(document?.getText(), '# API Design: Nowhere\n\n## Endpoints\n');
  });

  test('Review this API on an untitled buffer', async () => {
    await ask('@architect hello');
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'def handler(request):\n    return query("SELECT * FROM t WHERE id=" + request.id)  # NO-FOLDER-REVIEW\n',
    });
    await vscode.window.showTextDocument(document);
    const result = (await vscode.commands.executeCommand('architect.reviewThisApi')) as { errorDetails?: unknown } | undefined;
    assert.strictEqual(result?.errorDetails, undefined);
    assert.ok(allText(lastRequest(lm.fake)).includes('NO-FOLDER-REVIEW'));
  });

  test('Choose Persona without a folder writes the user setting', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window['showQuickPick'];
    window['showQuickPick'] = async (items: Array<{ label: string }>) => items.find((item) => item.label.endsWith('Backend Architect'));
    try {
      assert.strictEqual(await vscode.commands.executeCommand('architect.selectPersona'), 'backend-architect');
      assert.strictEqual(vscode.workspace.getConfiguration('architect').inspect('persona')?.globalValue, 'backend-architect');
    } finally {
      window['showQuickPick'] = original;
      await vscode.workspace.getConfiguration('architect').update('persona', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
