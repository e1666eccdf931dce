import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, lastRequest, type FakeLm } from '../helpers/fake';
import { fileUri, writeFile } from '../helpers/workspace';

// Folder names with a line break before a name architect.exclude covers by default.
const HIDDEN_BY_BREAKS: ReadonlyArray<readonly [string, string]> = [
  ['keys\n/server.pem', 'KEY_BEHIND_LF_DO_NOT_SEND'],
  ['cfg\u2028/.env', 'ENV_BEHIND_U2028_DO_NOT_SEND'],
  ['a\r/prod.tfstate', 'STATE_BEHIND_CR_DO_NOT_SEND'],
];

function toolResults(fake: FakeLm, requestIndex: number): string[] {
  return (fake.received[requestIndex]?.messages ?? []).flatMap((message) => message.toolResults.map((result) => result.text));
}

suite('file names with line breaks', () => {
  const lm = useFakeModel();
  const written: vscode.Uri[] = [];

  suiteSetup(async () => {
    for (const [path, marker] of HIDDEN_BY_BREAKS) written.push(await writeFile(path, `${marker}\n`));
  });

  suiteTeardown(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
  });

  test('R49: an attached file behind a folder name with LF, CR or U+2028 is excluded by the gate like the plain name', async () => {
    const result = await ask('@architect /review', { attach: [...written, fileUri('src/db.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const sent = allText(lastRequest(lm.fake));
    for (const [, marker] of HIDDEN_BY_BREAKS) assert.ok(!sent.includes(marker), `${marker} reached the model`);
    assert.ok(sent.includes('Attached file: src/db.ts'));
    assert.strictEqual(result.metadata?.['skipped'], 3);
  });

  test('R44: the notes name such files on one line, with the line break shown as a marker', async () => {
    const result = await ask('@architect /review', { attach: [written[0] as vscode.Uri, fileUri('src/db.ts')] });
    const notes = (result.metadata?.['notes'] as string[] | undefined) ?? [];
    const note = notes.find((line) => line.includes('server.pem'));
    assert.ok(note, notes.join('\n'));
    assert.ok(note.startsWith('keys⟦U+000A⟧/server.pem was not sent: it matches the exclusion pattern'), note);
    assert.ok(!/[\n\r\u2028\u2029\u0085]/.test(note), JSON.stringify(note));
  });

  test('R49: the read_file tool refuses the same files', async () => {
    lm.fake.behave({
      toolRounds: [HIDDEN_BY_BREAKS.map(([path]) => ({ name: 'architect_readFile', input: { path } }))],
    });
    const result = await ask('@architect what do the keys and settings of this service look like? check the files', {
      attach: [fileUri('src/db.ts')],
    });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const outputs = toolResults(lm.fake, 1);
    assert.strictEqual(outputs.length, 3, outputs.join('\n'));
    for (const [, marker] of HIDDEN_BY_BREAKS) assert.ok(!outputs.join('\n').includes(marker), `${marker} in a tool result`);
    for (const output of outputs) assert.match(output, /is excluded from what Architect sends to models/);
  });
});
