import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { type FakeLm } from '../helpers/fake';
import { fileUri, workspaceFolder } from '../helpers/workspace';

// What must never reach the model: an excluded file's content, and files outside the workspace.
const ENV_MARKER = 'R35-ENV-MARKER-7f3a9c';
const OUTSIDE_MARKER = 'R35-OUTSIDE-MARKER-51be02';
const LINKS = {
  toExcluded: 'src/env-link.ts',
  toOutsideFile: 'src/outside-link.ts',
  throughOutsideFolder: 'src/vendor/outside.ts',
  toAllowed: 'src/db-link.ts',
};

/** Everything the fake model was given: every message and every tool result of every request. */
function everythingSent(fake: FakeLm): string {
  return fake.received
    .flatMap((request) => request.messages.flatMap((message) => [message.text, ...message.toolResults.map((result) => result.text)]))
    .join('\n');
}

function assertNoMarker(fake: FakeLm): void {
  const sent = everythingSent(fake);
  assert.ok(!sent.includes(ENV_MARKER), 'the excluded file behind a link reached the model');
  assert.ok(!sent.includes(OUTSIDE_MARKER), 'a file outside the workspace reached the model through a link');
}

suite('R35 links that lead to excluded files or out of the workspace', () => {
  const lm = useFakeModel();
  let outside = '';

  suiteSetup(() => {
    // Links are made here with Node, as a hostile repository would ship them.
    const root = workspaceFolder().uri.fsPath;
    outside = mkdtempSync(path.join(tmpdir(), 'r35-outside-'));
    writeFileSync(path.join(outside, 'outside.ts'), `export const outside = "${OUTSIDE_MARKER}";\n`);
    mkdirSync(path.join(root, 'config'), { recursive: true });
    writeFileSync(path.join(root, 'config', '.env.local'), `API_SECRET=${ENV_MARKER}\n`);
    symlinkSync(path.join(root, 'config', '.env.local'), path.join(root, ...LINKS.toExcluded.split('/')));
    symlinkSync(path.join(outside, 'outside.ts'), path.join(root, ...LINKS.toOutsideFile.split('/')));
    symlinkSync(outside, path.join(root, 'src', 'vendor'), 'dir');
    symlinkSync(path.join(root, 'src', 'db.ts'), path.join(root, ...LINKS.toAllowed.split('/')));
  });

  suiteTeardown(() => {
    const root = workspaceFolder().uri.fsPath;
    for (const link of [LINKS.toExcluded, LINKS.toOutsideFile, 'src/vendor', LINKS.toAllowed])
      rmSync(path.join(root, ...link.split('/')), { force: true });
    rmSync(path.join(root, 'config'), { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('R35: attachments through links are refused, a link within the workspace is read', async () => {
    const result = await ask('@architect /review', {
      attach: [fileUri(LINKS.toExcluded), fileUri(LINKS.toOutsideFile), fileUri(LINKS.throughOutsideFolder), fileUri(LINKS.toAllowed)],
    });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assertNoMarker(lm.fake);
    // The link to an allowed file inside the workspace still works: the gate refuses only what it must.
    assert.ok(everythingSent(lm.fake).includes('async query(sql: string): Promise<any[]> {'), 'the allowed link was not read');
    const notes = (result.metadata?.['notes'] as string[] | undefined) ?? [];
    assert.ok(
      notes.includes(
        'src/env-link.ts was not sent: it is a link to a file that matches the exclusion pattern ".env.*" (setting architect.exclude).',
      ),
      notes.join('\n'),
    );
    assert.ok(notes.includes('src/outside-link.ts was not sent: it is a link that leads outside the workspace folders.'), notes.join('\n'));
    assert.ok(
      notes.includes('src/vendor/outside.ts was not sent: it is a link that leads outside the workspace folders.'),
      notes.join('\n'),
    );
  });

  test('R35: the readFile tool refuses links to an excluded file and out of the workspace', async () => {
    lm.fake.behave({
      toolRounds: [
        [
          { name: 'architect_readFile', input: { path: LINKS.toExcluded } },
          { name: 'architect_readFile', input: { path: LINKS.toOutsideFile } },
          { name: 'architect_readFile', input: { path: LINKS.throughOutsideFolder } },
          { name: 'architect_findFiles', input: { pattern: 'src/**' } },
        ],
      ],
    });
    const result = await ask('@architect what configuration does this service need? check the files', { attach: [fileUri('src/db.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(lm.fake.state.toolRoundsServed, 1);
    assertNoMarker(lm.fake);
    const results = (lm.fake.received[1]?.messages ?? []).flatMap((message) => message.toolResults.map((item) => item.text));
    assert.match(results[0] ?? '', /^src\/env-link\.ts was not read: it is a link to a file that matches the exclusion pattern/);
    assert.match(results[1] ?? '', /^src\/outside-link\.ts was not read: it is a link that leads outside the workspace folders\.$/);
    assert.match(results[2] ?? '', /^src\/vendor\/outside\.ts was not read: it is a link that leads outside the workspace folders\.$/);
    // The search follows links; what the gate refuses is not even named. The allowed link is.
    const listing = results[3] ?? '';
    assert.match(listing, /src\/db-link\.ts/);
    for (const refused of [LINKS.toExcluded, LINKS.toOutsideFile, LINKS.throughOutsideFolder])
      assert.ok(!listing.includes(refused), listing);
  });

  test('R35: findReferences does not open a file behind a link', async () => {
    lm.fake.behave({
      toolRounds: [
        [
          { name: 'architect_findReferences', input: { path: LINKS.toExcluded, line: 1, symbol: 'API_SECRET' } },
          { name: 'architect_findReferences', input: { path: LINKS.toOutsideFile, line: 1, symbol: 'outside' } },
        ],
      ],
    });
    await ask('@architect where is the API secret used?');
    assertNoMarker(lm.fake);
    const results = (lm.fake.received[1]?.messages ?? []).flatMap((message) => message.toolResults.map((item) => item.text));
    assert.match(results[0] ?? '', /^src\/env-link\.ts was not read: it is a link to a file that matches the exclusion pattern/);
    assert.match(results[1] ?? '', /^src\/outside-link\.ts was not read: it is a link that leads outside the workspace folders\.$/);
    assert.ok(
      !vscode.workspace.textDocuments.some((document) => document.uri.path.endsWith('/env-link.ts')),
      'the link to the excluded file was opened',
    );
  });

  test('R35: Review this API from the Explorer refuses a link, before opening it', async () => {
    const link = fileUri(LINKS.toExcluded);
    const result = await vscode.commands.executeCommand('architect.reviewThisApi', link);
    assert.strictEqual(result, undefined);
    assert.strictEqual(lm.fake.received.length, 0, 'a request went to the model');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === link.toString()), 'the link was opened');
  });

  test('R35: an open editor on a link is not sent, neither as the active editor nor as its selection', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri(LINKS.toOutsideFile));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, 20);
    await ask('@architect /review');
    // Asked in the same session once the chat has computed its implicit context from the editor.
    await ask('@architect /review this selection', { continueSession: true });
    assertNoMarker(lm.fake);
  });
});
