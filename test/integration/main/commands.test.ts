import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask, askInAgentMode } from '../helpers/chat';
import { allText, lastRequest } from '../helpers/fake';
import { captureMessages } from '../helpers/messages';
import { fileUri, openWithSelection } from '../helpers/workspace';

suite('Review this API (architect.reviewThisApi)', () => {
  const lm = useFakeModel();
  suiteSetup(async () => {
    // The command uses the model picked in the chat; pick the fake one once, as a user would.
    await ask('@architect hello');
  });

  test('with a selection: the model receives the selected lines with their numbers and the /review task', async () => {
    await openWithSelection(fileUri('src/users.ts'), 3, 7);
    const result = (await vscode.commands.executeCommand('architect.reviewThisApi')) as
      { errorDetails?: unknown; metadata?: Record<string, unknown> } | undefined;
    assert.strictEqual(result?.errorDetails, undefined, JSON.stringify(result?.errorDetails));
    assert.strictEqual(result?.metadata?.['command'], 'review');
    const request = lastRequest(lm.fake);
    assert.match(request.messages[0]?.text ?? '', /Task: review the attached code/);
    const piece = request.messages.find((message) => message.text.startsWith('Attached file: src/users.ts'));
    assert.ok(piece, JSON.stringify(request.messages.map((message) => message.text.slice(0, 80))));
    assert.match(piece.text, /\(the user selected lines 3-7\)/);
    assert.match(piece.text, / 4 \| export async function getUser/);
    assert.match(piece.text, / 5 \| {3}const rows = await db\.query\('SELECT \* FROM users WHERE id = ' \+ req\.params\.id\);/);
  });

  test('without a selection: the whole file', async () => {
    await openWithSelection(fileUri('src/users.ts'));
    await vscode.commands.executeCommand('architect.reviewThisApi');
    const piece = lastRequest(lm.fake).messages.find((message) => message.text.startsWith('Attached file: src/users.ts'));
    assert.match(piece?.text ?? '', /Lines: 1-19 of 19\n/);
  });

  test('from the Explorer on a closed file: that file is opened and its text is reviewed', async () => {
    const uri = fileUri('src/db.ts');
    assert.ok(
      !vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString()),
      'db.ts is already shown',
    );
    await vscode.commands.executeCommand('architect.reviewThisApi', uri);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('Attached file: src/db.ts'));
    assert.ok(sent.includes('async query(sql: string): Promise<any[]> {'));
  });

  test('in Agent mode (the chat default): the review answers there, with the file sent once', async () => {
    // The chat is in Agent mode, as a person's is; Review this API must not switch it (the ui suite reads
    // the mode off the screen, which the extension host cannot see).
    await askInAgentMode('@architect hello');
    await openWithSelection(fileUri('src/users.ts'));
    const result = (await vscode.commands.executeCommand('architect.reviewThisApi')) as
      { errorDetails?: unknown; metadata?: Record<string, unknown> } | undefined;
    assert.strictEqual(result?.errorDetails, undefined, JSON.stringify(result?.errorDetails));
    assert.strictEqual(result?.metadata?.['outcome'], 'ok');
    const pieces = lastRequest(lm.fake).messages.filter((message) => message.text.startsWith('Attached file: src/users.ts'));
    assert.strictEqual(pieces.length, 1);
    assert.match(pieces[0]?.text ?? '', /Lines: 1-19 of 19\n/);
  });

  test('on an untitled, unsaved buffer', async () => {
    // In Ask mode: in Agent mode VS Code saves dirty files before it sends (chat.saveBeforeSend), which
    // asks for a name for an untitled buffer before anything reaches a participant.
    await ask('@architect hello');
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'export async function deleteAll() { await db.query("DELETE FROM users"); } // UNTITLED-REVIEW\n',
    });
    await vscode.window.showTextDocument(document);
    const result = (await vscode.commands.executeCommand('architect.reviewThisApi')) as { errorDetails?: unknown } | undefined;
    assert.strictEqual(result?.errorDetails, undefined);
    assert.ok(allText(lastRequest(lm.fake)).includes('UNTITLED-REVIEW'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('findings of Review this API land in the Problems panel on the right lines', async () => {
    await vscode.commands.executeCommand('architect.clearFindings');
    const uri = fileUri('src/users.ts');
    await openWithSelection(uri, 3, 7);
    lm.fake.behave({
      reply: [
        'SQL injection.\n```architect-findings\n[{"line":5,"severity":"critical","rule":"SEC-2","title":"SQL built by concatenation","file":"src/users.ts"}]\n```\n',
      ],
    });
    await vscode.commands.executeCommand('architect.reviewThisApi');
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Architect');
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.range.start.line, d.code, d.message]),
      [[4, 'SEC-2', 'SQL built by concatenation']],
    );
  });

  test('with no editor and no file it says what to do, and sends nothing', async () => {
    const messages = captureMessages();
    try {
      const before = lm.fake.received.length;
      const result = await vscode.commands.executeCommand('architect.reviewThisApi');
      assert.strictEqual(result, undefined);
      assert.strictEqual(lm.fake.received.length, before);
      assert.match(messages.shown[0]?.text ?? '', /^Open a file \(or select the code of an API handler\), then run Review this API/);
    } finally {
      messages.restore();
    }
  });
});
