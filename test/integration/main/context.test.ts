import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask, lines } from '../helpers/chat';
import { allText, eventually, fakeLm, lastRequest } from '../helpers/fake';
import { architectLogText } from '../helpers/log';
import { fileUri, withSetting, writeFile } from '../helpers/workspace';

// Fake credentials in the shapes secretlint knows; none is real.
const GITHUB_TOKEN = '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';
const AWS_KEY = 'AKIAZ3MSJV4WWCSGXQ7T';
const DB_URL = 'postgres://admin:s3cr3tpass@db.example.com:5432/app';
const STRIPE = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ';

suite('attached context and its protection', () => {
  const lm = useFakeModel();

  test('R10: secrets never reach the model; placeholders and the count do', async () => {
    const uri = await writeFile(
      'src/config.ts',
      `export const github = "${GITHUB_TOKEN}";\nexport const aws = "${AWS_KEY}";\nexport const db = "${DB_URL}";\nexport const stripe = "${STRIPE}";\n`,
    );
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    for (const secret of [GITHUB_TOKEN, AWS_KEY, 's3cr3tpass', STRIPE]) assert.ok(!sent.includes(secret), `${secret} reached the model`);
    for (const kind of ['github-token', 'aws-access-key-id', 'database-url', 'stripe-key'])
      assert.ok(sent.includes(`[REDACTED:${kind}]`), kind);
    assert.strictEqual(result.metadata?.['redactions'], 4);
  });

  test('R11: an excluded .env never reaches the model, and the answer says so', async () => {
    const env = fileUri('.env');
    const result = await ask('@architect what do you think of this config? It is the one we deploy with.', {
      attach: [env, fileUri('src/db.ts')],
    });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    assert.ok(!sent.includes('fixture-password-do-not-send'), '.env content reached the model');
    assert.ok(!sent.includes('Attached file: .env'));
    assert.ok(sent.includes('Attached file: src/db.ts'));
    assert.strictEqual(result.metadata?.['skipped'], 1);
    assert.ok(
      (result.metadata?.['notes'] as string[]).includes(
        '.env was not sent: it matches the exclusion pattern ".env" (setting architect.exclude).',
      ),
    );
  });

  test('R11: architect.exclude is honoured for any glob the user sets', async () => {
    lm.restoreLater(await withSetting('architect.exclude', ['**/internal/**']));
    const uri = await writeFile('src/internal/pricing.ts', 'export const MARGIN_SECRET_FORMULA = 0.42;\n');
    await ask('@architect is this pricing module well designed? explain why', { attach: [uri] });
    assert.ok(!allText(lastRequest(lm.fake)).includes('MARGIN_SECRET_FORMULA'));
  });

  test('R12: no info-level log line holds prompt text or file content', async () => {
    const uri = await writeFile('src/rules.ts', 'export const UNIQUE_CONTENT_MARKER_42 = true;\n');
    await ask('@architect UNIQUE_QUESTION_MARKER_17 please review', { attach: [uri] });
    const log = architectLogText();
    assert.match(log, /request #\d+ chat .* timings: context \d+ms, sent \d+ms, first chunk \d+ms, done \d+ms/);
    assert.ok(!log.includes('UNIQUE_CONTENT_MARKER_42'), 'file content in the log');
    assert.ok(!log.includes('UNIQUE_QUESTION_MARKER_17'), 'prompt text in the log');
    assert.ok(!log.includes('Marcus Rivera'), 'persona text in the log');
  });

  test('R25: a binary file is refused with a clear message, and no model call is wasted', async () => {
    const uri = await writeFile(
      'assets/logo.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    const before = lm.fake.received.length;
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['outcome'], 'answered-without-model');
    assert.strictEqual(lm.fake.received.length, before, 'the model was called');
  });

  test('R26: a non-UTF-8 file is decoded the way the editor decodes it', async () => {
    lm.restoreLater(await withSetting('files.encoding', 'iso88591'));
    const uri = await writeFile(
      'src/legacy.ts',
      new Uint8Array([...new TextEncoder().encode('export const greeting = "caf'), 0xe9, ...new TextEncoder().encode('";\n')]),
    );
    await ask('@architect explain this file in one sentence please', { attach: [uri] });
    assert.ok(allText(lastRequest(lm.fake)).includes('export const greeting = "café";'), allText(lastRequest(lm.fake)).slice(-300));
  });

  test("R26: the user's encoding setting applies even to bytes that would pass as UTF-8", async () => {
    lm.restoreLater(await withSetting('files.encoding', 'iso88591'));
    // "é" in UTF-8 is two bytes; in ISO 8859-1, as the user asked, they are "Ã©", as the editor shows them.
    const uri = await writeFile('src/latin.ts', new TextEncoder().encode('export const word = "café";\n'));
    await ask('@architect explain this file in one sentence please', { attach: [uri] });
    assert.ok(allText(lastRequest(lm.fake)).includes('export const word = "cafÃ©";'), allText(lastRequest(lm.fake)).slice(-300));
  });

  test('R26: a UTF-16 file with a BOM is read as text', async () => {
    const text = 'export const sixteen = 16;\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const uri = await writeFile('src/utf16.ts', bytes);
    await ask('@architect what does this export? answer briefly', { attach: [uri] });
    assert.ok(allText(lastRequest(lm.fake)).includes('export const sixteen = 16;'));
  });

  test('R27: an untitled buffer is used as it is, unsaved text included', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'export function draft() { return "UNSAVED-DRAFT-TEXT"; }\n',
    });
    await vscode.window.showTextDocument(document);
    await ask('@architect /review is this draft ok?');
    assert.ok(allText(lastRequest(lm.fake)).includes('UNSAVED-DRAFT-TEXT'));
  });

  test('R27: unsaved edits of an open file are what the model sees', async () => {
    const uri = await writeFile('src/edited.ts', 'export const saved = 1;\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Through the document, not the editor, and again until it holds: a file just written can still be
    // reloading from disk, and VS Code then refuses an edit, as it would a person's keystroke.
    await eventually(
      async () => {
        const document = await vscode.workspace.openTextDocument(uri);
        if (document.getText().includes('unsavedEdit')) return document.isDirty;
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(1, 0), 'export const unsavedEdit = 2;\n');
        await vscode.workspace.applyEdit(edit);
        return false;
      },
      10_000,
      'the unsaved edit',
    );
    await ask('@architect review this module for naming problems', { attach: [uri] });
    assert.ok(allText(lastRequest(lm.fake)).includes('export const unsavedEdit = 2;'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('R28: an empty file gets a short helpful answer without a model call', async () => {
    const uri = await writeFile('src/empty.ts', '   \n\n');
    const before = lm.fake.received.length;
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.metadata?.['outcome'], 'answered-without-model');
    assert.strictEqual(lm.fake.received.length, before);
  });

  test('R28: no editor and nothing attached gets a helpful answer without a model call', async () => {
    const before = lm.fake.received.length;
    const result = await ask('@architect /security');
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['outcome'], 'answered-without-model');
    assert.strictEqual(lm.fake.received.length, before);
  });

  test("R29: a notebook cell gives that cell's text, not the notebook JSON", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(
      'fake-notebook',
      new vscode.NotebookData([
        new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'print("first cell")', 'python'),
        new vscode.NotebookCellData(
          vscode.NotebookCellKind.Code,
          'def handler(request):\n    return db.execute("SELECT * FROM t WHERE id=" + request.id)  # CELL-TWO',
          'python',
        ),
      ]),
    );
    // The chat cannot attach a cell by URI; the cell being edited is the context, as for a user.
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(1, 2)] });
    await vscode.commands.executeCommand('notebook.cell.edit');
    const cell = notebook.cellAt(1).document;
    await eventually(
      () => vscode.window.activeTextEditor?.document.uri.toString() === cell.uri.toString(),
      10_000,
      'the cell editor to be active',
    );
    await ask('@architect /review');
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('CELL-TWO'), sent.slice(-500));
    assert.ok(!sent.includes('first cell'), 'the other cell was sent');
    assert.ok(!sent.includes('"cells"'), 'notebook JSON was sent');
    assert.match(sent, /Attached file: .*cell 2/);
  });

  test('R30: a file of a virtual file system is read through vscode.workspace.fs', async () => {
    const uri = (await fakeLm()).writeVirtualFile('/remote/handler.ts', 'export const VIRTUAL_FS_CONTENT = true;\n');
    await ask('@architect what is in this remote file? describe it', { attach: [uri] });
    assert.ok(allText(lastRequest(lm.fake)).includes('VIRTUAL_FS_CONTENT'));
  });

  test('R03: invisible and bidirectional characters are made visible to the model', async () => {
    const uri = await writeFile(
      'src/trojan.ts',
      'const isAdmin = false;\nif (isAdmin) { /* \u202E } \u2066if (true)\u2069 { */\n  grant();\n}\n',
    );
    await ask('@architect /review', { attach: [uri] });
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('⟦U+202E⟧') && !sent.includes('\u202E'));
  });

  test('#file with a range and the implicit selection of the same file are sent once', async () => {
    const uri = fileUri('src/users.ts');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(2, 0, 5, 0);
    await ask('@architect /review', { attach: [lines(uri, 3, 6)] });
    const pieces = lastRequest(lm.fake).messages.filter((message) => message.text.startsWith('Attached file: src/users.ts'));
    assert.strictEqual(pieces.length, 1);
  });
});
