import * as assert from 'assert';
import * as vscode from 'vscode';
import { allText, lastRequest, type ReceivedRequest } from '../helpers/fake';
import { git, gitRepositories, resetRepository } from '../helpers/git';
import { architectDiagnostics, findingsReply, invokeReview } from '../helpers/reviewTool';
import { useFakeModel } from '../helpers/suite';
import { fileUri, withSetting, writeFile } from '../helpers/workspace';

const api = () => fileUri('api');
const billing = () => fileUri('billing');

async function editLine(relative: string, line: number, text: string): Promise<vscode.Uri> {
  const uri = fileUri(relative);
  const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
  lines[line - 1] = text;
  return writeFile(relative, lines.join('\n'));
}

/** The changed file as the model was shown it, or '' when it was not sent. */
function changedPiece(request: ReceivedRequest, relative: string): string {
  return request.messages.find((message) => message.text.startsWith(`Changed file: ${relative}`))?.text ?? '';
}

suite('architect_review reviews changes in a Git repository', () => {
  const lm = useFakeModel();
  let gitApi: Awaited<ReturnType<typeof gitRepositories>>;
  suiteSetup(async () => {
    gitApi = await gitRepositories(api(), billing());
  });
  setup(async () => {
    await resetRepository(gitApi, api());
    await resetRepository(gitApi, billing());
    await vscode.commands.executeCommand('architect.clearFindings');
    await vscode.window.showTextDocument(fileUri('api/src/users.ts'));
    lm.restoreLater(await withSetting('architect.model', 'fakevendor/fake-1'));
  });

  test("changes: 'uncommitted' reviews the diff; a finding on a changed line is returned and placed", async () => {
    const uri = await editLine(
      'api/src/users.ts',
      5,
      "  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);",
    );
    lm.fake.behave({
      reply: findingsReply('One thing.', [
        { file: 'api/src/users.ts', line: 5, severity: 'medium', rule: 'SQL-3', title: 'Select star', fix: 'Name the columns' },
      ]),
    });
    const text = await invokeReview({ changes: 'uncommitted', question: 'is the query safe now?' });
    assert.match(text, /^Architect's review of the uncommitted changes \(untrusted code\)/);
    assert.match(text, /\n#1 medium api\/src\/users\.ts:5 SQL-3 "Select star" — "Name the columns"$/);
    assert.match(
      changedPiece(lastRequest(lm.fake), 'api/src/users.ts'),
      /\n5 \+ {3}const rows = await db\.query\('SELECT \* FROM users WHERE id = \$1'/,
    );
    assert.strictEqual(lastRequest(lm.fake).messages.at(-1)?.text, 'is the query safe now?');
    assert.deepStrictEqual(
      architectDiagnostics(uri).map((d) => d.range.start.line),
      [4],
    );
  });

  test("changes: 'staged' reviews only what is staged", async () => {
    await editLine('api/src/users.ts', 2, '// STAGED EDIT');
    git(api(), 'add', 'src/users.ts');
    await editLine('api/src/db.ts', 1, '// NOT STAGED');
    lm.fake.behave({ reply: findingsReply('Fine.', []) });
    const text = await invokeReview({ changes: 'staged' });
    assert.match(text, /^Architect's review of the staged changes/);
    assert.match(text, /\nNo findings\.$/);
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('STAGED EDIT'));
    assert.ok(!sent.includes('NOT STAGED'));
  });

  test('changes: a ref reviews everything since it; an unknown ref is nothing to review', async () => {
    git(api(), 'checkout', '-q', '-b', 'feature');
    await editLine('api/src/db.ts', 1, '// ON FEATURE');
    git(api(), 'commit', '-q', '-am', 'feature work');
    lm.fake.behave({ reply: findingsReply('Fine.', []) });
    const text = await invokeReview({ changes: 'main' });
    assert.match(text, /^Architect's review of the changes since main/);
    assert.ok(allText(lastRequest(lm.fake)).includes('ON FEATURE'));
    const before = lm.fake.received.length;
    const unknown = await invokeReview({ changes: 'no-such-branch' });
    assert.match(unknown, /^Architect: nothing to review\./);
    assert.strictEqual(lm.fake.received.length, before);
  });

  test('nothing changed is one line saying so, with no model request', async () => {
    const text = await invokeReview({ changes: 'uncommitted' });
    assert.match(text, /^Architect: nothing to review\. /);
    assert.strictEqual(text.split('\n').length, 1);
    assert.strictEqual(lm.fake.received.length, 0);
  });
});
