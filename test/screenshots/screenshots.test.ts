import * as path from 'path';
import * as vscode from 'vscode';
import { ask } from '../integration/helpers/chat';
import { FAKE_MODEL, fakeLm, sleep } from '../integration/helpers/fake';
import { runnerRequest } from '../integration/helpers/runner';
import { closeAllEditors, fileUri, openWithSelection } from '../integration/helpers/workspace';
import { CHANGES_ANSWER, DESIGN_ANSWER, REVIEW_ANSWER } from './answers';

const out = process.env['ARCHITECT_SCREENSHOT_DIR'] ?? '';

async function shoot(name: string): Promise<void> {
  await sleep(1200);
  await runnerRequest({ action: 'screenshot', path: path.join(out, name) });
}

suite('README screenshots', () => {
  test('chat, Problems panel, design doc and /changes', async function () {
    // Four scenes in a real workbench: longer than mocha's default on a busy machine.
    this.timeout(600_000);
    const fake = await fakeLm();
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    fake.behave({ reply: REVIEW_ANSWER, delayMs: 20 });
    const uri = fileUri('src/routes/orders.ts');
    await openWithSelection(uri, 10, 41);
    await ask('@architect /review', { attach: [{ uri, range: { startLineNumber: 10, startColumn: 1, endLineNumber: 41, endColumn: 3 } }] });
    // The answer with its findings table, the chat widened over the editor.
    await vscode.commands.executeCommand('workbench.action.maximizeAuxiliaryBar');
    await shoot('chat-review.png');
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedAuxiliaryBar');

    const editor = await openWithSelection(uri);
    editor.revealRange(new vscode.Range(8, 0, 8, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await shoot('problems-panel.png');
    await vscode.commands.executeCommand('workbench.action.closePanel');

    // The quick fixes of a finding whose answer gave the exact new text of its line.
    editor.selection = new vscode.Selection(22, 6, 22, 6);
    editor.revealRange(new vscode.Range(14, 0, 14, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await shoot('quick-fix.png');
    await vscode.commands.executeCommand('hideCodeActionWidget');

    fake.behave({ reply: DESIGN_ANSWER, delayMs: 5 });
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('architect.generateDesignDoc', {
      description: 'REST API for managing projects',
      modelSelector: FAKE_MODEL,
    });
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    await sleep(3000);
    await shoot('design-doc.png');

    // /changes: the examples/ copy is a Git repository (scripts/screenshots.mjs); change a handler.
    await closeAllEditors();
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      document.lineAt(10).range,
      "  const limit = Number(req.query.get('limit') ?? 20);\n  const orders = await listOrdersForUser(req.userId!, limit);",
    );
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await vscode.window.showTextDocument(document);
    fake.behave({ reply: CHANGES_ANSWER, delayMs: 20 });
    await ask('@architect /changes');
    await vscode.commands.executeCommand('workbench.action.maximizeAuxiliaryBar');
    await shoot('chat-changes.png');
  });
});
