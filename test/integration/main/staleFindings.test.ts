import * as assert from 'assert';
import * as vscode from 'vscode';
import { ask } from '../helpers/chat';
import { eventually } from '../helpers/fake';
import { useFakeModel } from '../helpers/suite';
import { writeFile } from '../helpers/workspace';

const handler = Array.from({ length: 30 }, (_, index) => `export const line${index + 1} = ${index + 1};`).join('\n');

function findingsReply(findings: unknown[]): string[] {
  return ['Reviewed.\n\n```architect-findings\n', JSON.stringify(findings), '\n```\n'];
}

function architectDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'Architect')
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Each finding as [its first line (1-based), its title]. */
function placed(uri: vscode.Uri): Array<[number, string]> {
  return architectDiagnostics(uri).map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.message.split('\n')[0] ?? '']);
}

suite('stale findings: a finding whose lines no longer read as reviewed is removed', () => {
  const lm = useFakeModel();
  setup(async () => {
    await vscode.commands.executeCommand('architect.clearFindings');
  });

  test('applying a fix removes its finding; the hover says which findings have a fix', async () => {
    const uri = await writeFile('src/stale-apply.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 5, severity: 'high', title: 'Fixable', replacement: 'export const line5 = 50;' },
        { line: 20, severity: 'low', title: 'Elsewhere' },
      ]),
    });
    await ask('@architect /review', { attach: [uri] });
    await vscode.window.showTextDocument(uri);
    const [fixable, elsewhere] = architectDiagnostics(uri);
    assert.ok(fixable && elsewhere, JSON.stringify(placed(uri)));
    assert.match(fixable.message, /Fix available: Apply Architect fix/);
    assert.doesNotMatch(elsewhere.message, /Fix available/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, fixable.range);
    const apply = actions.find((action) => action.title === 'Apply Architect fix: Fixable');
    assert.ok(apply?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.ok(await vscode.workspace.applyEdit(apply.edit));
    await eventually(() => placed(uri).length === 1, 10_000, 'the applied finding to go');
    assert.deepStrictEqual(placed(uri), [[20, 'Elsewhere']]);
  });

  test('a hand edit of its lines removes a finding; an edit above a finding moves it with its lines', async () => {
    const uri = await writeFile('src/stale-edit.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 10, endLine: 11, severity: 'medium', title: 'Edited by hand' },
        { line: 20, severity: 'low', title: 'Moved down' },
      ]),
    });
    await ask('@architect /review', { attach: [uri] });
    const editor = await vscode.window.showTextDocument(uri);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// a new first line\n// and a second\n')));
    await eventually(() => placed(uri)[1]?.[0] === 22, 10_000, 'the findings to move down with their lines');
    assert.deepStrictEqual(placed(uri), [
      [12, 'Edited by hand'],
      [22, 'Moved down'],
    ]);
    // Re-indenting keeps the finding (its fingerprint ignores whitespace); changing its code does not.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(12, 0), '    ')));
    assert.strictEqual(placed(uri).length, 2);
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(12, 0, 12, 100), 'export const line11 = 1100;')));
    await eventually(() => placed(uri).length === 1, 10_000, 'the edited finding to go');
    assert.deepStrictEqual(placed(uri), [[22, 'Moved down']]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
