import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { FAKE_MODEL, eventually, lastRequest, sleep } from '../helpers/fake';
import { captureMessages } from '../helpers/messages';
import { architectLogText } from '../helpers/log';
import { clickButton } from '../helpers/runner';
import { exists, fileUri, openWithSelection, readText, workspaceFolder } from '../helpers/workspace';
import { documentAppender } from '../../../src/engine/design/documentAppender';

const DOC = [
  '# API Design: Projects\n\n',
  '## Resource Model\n\nProject { id, name }\n\n',
  '## Endpoints\n\n### `POST /api/v1/projects`\n\n| Code | HTTP Status | When |\n|---|---|---|\n| VALIDATION_ERROR | 400 | Invalid input |\n\n',
  '## Authorization\n\nOwners only.\n\n',
  '## Data Model\n\n```sql\nCREATE TABLE projects (id UUID PRIMARY KEY);\n```\n\n',
  '## Security Considerations\n\nValidate everything.\n\n',
  '## Performance Considerations\n\nIndex owner_id.\n\n',
  '## Open Questions\n\n- Retention?\n',
];

async function docsInFolder(): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'design')))
      .map(([name]) => name)
      .sort();
  } catch {
    return [];
  }
}

async function generate(args: Record<string, unknown>): Promise<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>('architect.generateDesignDoc', { modelSelector: FAKE_MODEL, ...args });
}

suite('Generate Design Doc (architect.generateDesignDoc)', () => {
  const lm = useFakeModel();

  test('saves the streamed document under docs/design and returns its Uri', async () => {
    lm.fake.behave({ reply: DOC });
    const uri = await generate({ description: 'REST API for managing projects' });
    assert.ok(uri, 'no Uri returned');
    assert.strictEqual(uri.toString(), fileUri('docs/design/rest-api-for-managing-projects.md').toString());
    assert.strictEqual(await readText(uri), DOC.join(''));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the saved file is shown');
    const request = lastRequest(lm.fake);
    assert.match(request.messages[0]?.text ?? '', /Task: write a design document/);
    assert.strictEqual(request.messages.at(-1)?.text, 'REST API for managing projects');
  });

  test('R09: a second identical run gives a new file and leaves the first byte for byte unchanged', async () => {
    lm.fake.behave({ reply: DOC });
    const first = await generate({ description: 'Orders API' });
    assert.ok(first);
    const firstBytes = await vscode.workspace.fs.readFile(first);
    lm.fake.behave({ reply: ['# API Design: Orders (second take)\n'] });
    const second = await generate({ description: 'Orders API' });
    assert.ok(second);
    assert.strictEqual(second.path.replace(/^.*\//, ''), 'orders-api-2.md');
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(first), firstBytes);
    const third = await generate({ description: 'Orders API' });
    assert.strictEqual(third?.path.replace(/^.*\//, ''), 'orders-api-3.md');
  });

  test('R09: "../" or an absolute path in the description still saves inside docs/design', async () => {
    lm.fake.behave({ reply: DOC });
    const docsFolder = vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'design').path + '/';
    for (const description of ['../../../etc/passwd', '/etc/cron.d/evil', 'C:\\Windows\\evil']) {
      const uri = await generate({ description });
      assert.ok(uri, description);
      assert.ok(uri.path.startsWith(docsFolder), `${description} → ${uri.path}`);
      assert.ok(!uri.path.slice(docsFolder.length).includes('/'));
    }
  });

  test('R09: a docs folder setting that climbs out of the workspace is not followed', async () => {
    const config = vscode.workspace.getConfiguration('architect');
    await config.update('designDocs.folder', '../outside', vscode.ConfigurationTarget.Workspace);
    try {
      lm.fake.behave({ reply: DOC });
      const uri = await generate({ description: 'Climbing folder' });
      assert.ok(uri?.path.startsWith(vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'design').path + '/'), uri?.path);
    } finally {
      await config.update('designDocs.folder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('R19: a failure mid-stream saves nothing and leaves the partial text in the unsaved editor', async () => {
    const before = await docsInFolder();
    const messages = captureMessages();
    try {
      lm.fake.behave({ reply: DOC, delayMs: 60, error: { message: 'upstream connection reset', afterChunks: 3 } });
      const uri = await generate({ description: 'Half written API' });
      assert.strictEqual(uri, undefined);
      assert.deepStrictEqual(await docsInFolder(), before);
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.isUntitled, true);
      // What arrived stays; how much arrives before the error depends on the transport, not on us.
      const partial = editor?.document.getText() ?? '';
      assert.ok(partial.startsWith(DOC[0] ?? '') && DOC.join('').startsWith(partial), JSON.stringify(partial));
      assert.match(
        messages.shown.find((message) => message.level === 'error')?.text ?? '',
        /upstream connection reset.*Nothing was saved; the partial document stays in the editor\./,
      );
    } finally {
      messages.restore();
    }
  });

  test('R20: cancelling from the progress notification saves nothing, quietly [ui]', async () => {
    const before = await docsInFolder();
    const messages = captureMessages();
    try {
      lm.fake.behave({ reply: ['# API Design: Slow\n'], untilCancelled: true });
      const pending = generate({ description: 'Slow API' });
      await eventually(() => lm.fake.received.length > 0, 15_000, 'the model to be asked');
      // Toasts stay hidden while extension tests run; the notification center lists the same progress.
      await sleep(300);
      await vscode.commands.executeCommand('notifications.showList');
      await clickButton('^Cancel$');
      const uri = await pending;
      assert.strictEqual(uri, undefined);
      assert.deepStrictEqual(await docsInFolder(), before);
      assert.strictEqual(messages.shown.filter((message) => message.level === 'error').length, 0, 'an error was shown for a cancel');
      assert.ok(vscode.window.activeTextEditor?.document.getText().startsWith('# API Design: Slow'));
    } finally {
      messages.restore();
    }
  });

  test('an unknown model returns undefined with a message', async () => {
    const messages = captureMessages();
    try {
      const uri = await vscode.commands.executeCommand('architect.generateDesignDoc', {
        description: 'Anything',
        modelSelector: { vendor: 'nobody', id: 'nothing' },
      });
      assert.strictEqual(uri, undefined);
      assert.match(messages.shown[0]?.text ?? '', /^No language model matches/);
    } finally {
      messages.restore();
    }
  });

  test('missing sections are listed in a warning; the document is still saved', async () => {
    const messages = captureMessages();
    try {
      lm.fake.behave({ reply: ['# API Design: Thin\n\n## Endpoints\n\nGET /thin\n'] });
      const uri = await generate({ description: 'Thin API' });
      assert.ok(uri && (await exists(uri)));
      const warning = messages.shown.find((message) => message.level === 'warning');
      assert.strictEqual(
        warning?.text,
        'The design document is missing 6 section(s): Resource Model, Authorization, Data Model, Security Considerations, Performance Considerations, Open Questions.',
      );
    } finally {
      messages.restore();
    }
  });

  test('includeActiveEditor sends the active editor as context', async () => {
    await openWithSelection(fileUri('src/users.ts'));
    lm.fake.behave({ reply: DOC });
    await generate({ description: 'Users API from the handlers', includeActiveEditor: true });
    assert.ok(lastRequest(lm.fake).messages.some((message) => message.text.startsWith('Attached file: src/users.ts')));
  });

  test('the "Save as design doc" button of a /design answer uses the same save path', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('architect.saveDesignDoc', {
      description: 'Chat designed API',
      text: DOC.join(''),
    });
    assert.strictEqual(uri?.path.replace(/^.*\//, ''), 'chat-designed-api.md');
    assert.strictEqual(await readText(uri), DOC.join(''));
  });

  test('invalid automation arguments are refused with a message', async () => {
    const messages = captureMessages();
    try {
      assert.strictEqual(await vscode.commands.executeCommand('architect.generateDesignDoc', { description: '' }), undefined);
      assert.match(messages.shown[0]?.text ?? '', /invalid arguments/);
    } finally {
      messages.restore();
    }
  });

  test('R54 two runs at once each close only their own editor: both return their Uri, no other document is reverted or closed', async () => {
    lm.fake.behave({
      delayMs: 15,
      reply: (request) => {
        const name = (request.messages.at(-1)?.text ?? '').includes('Alpha') ? 'ALPHA' : 'BETA';
        return [`# API Design: ${name}\n`, '\n## Endpoints\n', `${name}-BODY\n`];
      },
    });
    // Unsaved work of the person: must survive whatever the runs do.
    const victim = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'UNSAVED WORK OF THE PERSON' });
    await vscode.window.showTextDocument(victim, { preview: false });
    // Another editor becomes active the moment a run's untitled document does, as a second run's does
    // under load: whatever "the active editor" is then, it is not the run's own.
    let switches = 0;
    const listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
      const document = editor?.document;
      if (document?.uri.scheme === 'untitled' && document !== victim) {
        switches++;
        // Opening races with the run's own editors; losing that race is fine here.
        vscode.window.showTextDocument(victim, { preview: false }).then(undefined, () => undefined);
      }
    });
    try {
      const messages = captureMessages();
      const [alpha, beta] = await Promise.all([generate({ description: 'Alpha API' }), generate({ description: 'Beta API' })]).finally(() =>
        messages.restore(),
      );
      assert.ok(
        alpha && beta,
        `a run returned no Uri: ${String(alpha)} ${String(beta)} ${JSON.stringify(messages.shown)} ${architectLogText().slice(-1500)}`,
      );
      assert.strictEqual(await readText(alpha), '# API Design: ALPHA\n\n## Endpoints\nALPHA-BODY\n');
      assert.strictEqual(await readText(beta), '# API Design: BETA\n\n## Endpoints\nBETA-BODY\n');
    } finally {
      listener.dispose();
    }
    assert.ok(switches > 0, 'the other editor never became active during the runs');
    assert.ok(!victim.isClosed, 'another document was closed');
    assert.strictEqual(victim.getText(), 'UNSAVED WORK OF THE PERSON', 'another document was reverted');
    const untitledDesignTabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'untitled')
      .filter((tab) =>
        vscode.workspace.textDocuments.some(
          (doc) => doc.uri.toString() === (tab.input as vscode.TabInputText).uri.toString() && doc.getText().includes('API Design'),
        ),
      );
    assert.deepStrictEqual(
      untitledDesignTabs.map((tab) => tab.label),
      [],
      'a run left its untitled editor open',
    );
    // Leave nothing unsaved behind for the next test.
    const empty = new vscode.WorkspaceEdit();
    empty.delete(victim.uri, new vscode.Range(0, 0, victim.lineCount, 0));
    await vscode.workspace.applyEdit(empty);
    await vscode.window.tabGroups.close(
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === victim.uri.toString()),
    );
  });

  test('an editor closed before the first chunk arrives: the appender stops and drain() returns', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => document.isClosed || undefined, 10_000, 'the untitled document closed');
    const appender = documentAppender(document);
    appender.append('# API Design\n');
    // Before the fix, drain() awaited an already settled promise in a loop: the extension host never
    // ran a timer again, so this race (and the suite) never ended.
    const outcome = await Promise.race([appender.drain().then(() => 'drained'), sleep(5_000).then(() => 'still draining')]);
    assert.equal(outcome, 'drained');
    assert.ok(document.isClosed);
  });
});
