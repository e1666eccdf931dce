import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, type ReceivedRequest } from '../helpers/fake';
import { fileUri, writeFile } from '../helpers/workspace';

const BOMB = '.github/instructions/bomb.instructions.md';
const HUGE = '.github/instructions/huge.instructions.md';
const BACKTRACK = '.github/instructions/backtrack.instructions.md';

function requestWith(received: readonly ReceivedRequest[], text: string): ReceivedRequest {
  const request = [...received].reverse().find((candidate) => allText(candidate).includes(text));
  assert.ok(request, `no request carried ${text}`);
  return request;
}

suite('applyTo lists and globs built to exhaust the extension host', function () {
  this.timeout(240_000);
  const lm = useFakeModel();

  suiteSetup(async () => {
    // 20,000 YAML aliases to one 2 KB glob: the case that ran the extension host out of memory.
    const glob = `src/${'{a,b}'.repeat(400)}*`;
    const aliases = Array.from({ length: 20_000 }, () => '*g').join(', ');
    await writeFile(BOMB, `---\nx: &g "${glob}"\napplyTo: [${aliases}]\n---\nBOMB-RULE: never sent.\n`);
    await writeFile(HUGE, `---\napplyTo: "src/${'*a'.repeat(50_000)}"\n---\nHUGE-RULE: never sent.\n`);
    await writeFile(
      BACKTRACK,
      `---\napplyTo: ["${'*?'.repeat(10)}#", "+(+(a))b", "src/**/*.ts"]\n---\nBACKTRACK-RULE: applies to TypeScript.\n`,
    );
  });
  suiteTeardown(async () => {
    for (const path of [BOMB, HUGE, BACKTRACK]) await vscode.workspace.fs.delete(fileUri(path)).then(undefined, () => undefined);
  });

  test('R42: a review beside an alias bomb and a 100 KB glob answers, and the note says the long glob was ignored', async () => {
    const result = await ask('@architect /review glob bombs', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const request = requestWith(lm.fake.received, 'glob bombs');
    assert.ok(!allText(request).includes('BOMB-RULE'));
    assert.ok(!allText(request).includes('HUGE-RULE'));
    const notes = (result.metadata?.['notes'] as string[] | undefined) ?? [];
    assert.ok(
      notes.some(
        (note) =>
          note.startsWith('.github/instructions/huge.instructions.md: the applyTo glob "src/*a*a') &&
          note.includes('was ignored: it is longer than 256 characters'),
      ),
      notes.join('\n'),
    );
  });

  test('R43: globs built to backtrack beside an ordinary one: the ordinary one still applies the file', async () => {
    const result = await ask('@architect /review backtracking globs', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.ok(allText(requestWith(lm.fake.received, 'backtracking globs')).includes('BACKTRACK-RULE'));
  });
});
