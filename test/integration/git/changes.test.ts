import * as assert from 'assert';
import * as vscode from 'vscode';
import { ask, askInAgentMode } from '../helpers/chat';
import { allText, eventually, lastRequest, sleep } from '../helpers/fake';
import { git, gitRepositories, resetRepository, tryGit } from '../helpers/git';
import { architectLogText } from '../helpers/log';
import { clickRole } from '../helpers/runner';
import { useFakeModel } from '../helpers/suite';
import { fileUri, writeFile } from '../helpers/workspace';

const api = () => fileUri('api');
const billing = () => fileUri('billing');

interface ChangesMetadata {
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  readonly omitted: number;
}

async function changes(query = '@architect /changes') {
  const result = await ask(query);
  assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
  return {
    metadata: result.metadata ?? {},
    stats: result.metadata?.['changes'] as ChangesMetadata | undefined,
    notes: (result.metadata?.['notes'] as string[] | undefined) ?? [],
  };
}

function architectDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Architect');
}

async function editLine(relative: string, line: number, text: string): Promise<vscode.Uri> {
  const uri = fileUri(relative);
  const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
  lines[line - 1] = text;
  return writeFile(relative, lines.join('\n'));
}

suite('/changes reviews what changed in a Git repository', () => {
  const lm = useFakeModel();
  let gitApi: Awaited<ReturnType<typeof gitRepositories>>;
  suiteSetup(async () => {
    gitApi = await gitRepositories(api(), billing());
  });
  setup(async () => {
    await resetRepository(gitApi, api());
    await resetRepository(gitApi, billing());
    await vscode.commands.executeCommand('architect.clearFindings');
    // The active editor chooses the repository: the api one unless a test says otherwise.
    await vscode.window.showTextDocument(fileUri('api/src/users.ts'));
  });

  test('the uncommitted changes, numbered by the new version, with command and counts in the metadata', async () => {
    await editLine('api/src/users.ts', 5, "  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);");
    const { metadata, stats } = await changes('@architect /changes is the query safe now?');
    assert.strictEqual(metadata['command'], 'changes');
    assert.deepStrictEqual(stats, { files: 1, added: 1, removed: 1, omitted: 0 });
    const request = lastRequest(lm.fake);
    const piece = request.messages.find((message) => message.text.startsWith('Changed file: api/src/users.ts'))?.text ?? '';
    assert.match(piece, /^Changed file: api\/src\/users\.ts\nStatus: modified/);
    // The hunk covers lines 2–8: a one-digit number column.
    assert.match(piece, /\n5 \+ {3}const rows = await db\.query\('SELECT \* FROM users WHERE id = \$1'/, piece);
    assert.match(piece, /\n- - {3}const rows = await db\.query\('SELECT \* FROM users WHERE id = ' \+ req\.params\.id\);/, piece);
    assert.match(piece, /\n4 \| export async function getUser/, piece);
    assert.strictEqual(request.messages.at(-1)?.text, 'is the query safe now?');
  });

  test('/changes sends what the changed lines use as related code: db from api/src/db.ts, labelled not under review', async () => {
    await editLine('api/src/users.ts', 5, "  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);");
    const { metadata } = await changes();
    const related = lastRequest(lm.fake).messages.find((message) =>
      message.text.startsWith('Related code (not under review, shown for context): api/src/db.ts'),
    );
    assert.ok(related, `db.ts was not sent as related code: ${allText(lastRequest(lm.fake)).slice(0, 2000)}`);
    assert.match(related.text, /\n1 \| export const db = \{/, related.text);
    const entries = (metadata['related'] ?? []) as Array<{ path: string; symbol: string }>;
    assert.ok(
      entries.some((entry) => entry.path === 'api/src/db.ts' && entry.symbol === 'db'),
      JSON.stringify(entries),
    );
  });

  test('/changes in Agent mode (the chat default) reviews the changes too', async () => {
    await editLine('api/src/users.ts', 2, '// AGENT MODE');
    const result = await askInAgentMode('@architect /changes anything risky?');
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['command'], 'changes');
    assert.strictEqual(result.metadata?.['outcome'], 'ok');
    assert.ok(allText(lastRequest(lm.fake)).includes('AGENT MODE'));
  });

  test('a renamed file is sent under its new name, saying where it came from', async () => {
    git(api(), 'mv', 'src/db.ts', 'src/database.ts');
    await editLine('api/src/database.ts', 1, '// renamed and edited');
    await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /Changed file: api\/src\/database\.ts\nStatus: renamed from api\/src\/db\.ts/);
  });

  test('R46 editing the line after a private key’s END line sends no line of the key', async () => {
    const body = ['MIIEowIBAAKCAQEAx' + 'Q'.repeat(47), 'W'.repeat(64), 'k'.repeat(40) + 'Zz09'.repeat(6), 'Kx9='];
    const lines = [
      '// a key kept in code, committed long ago',
      'export const KEY = `',
      '-----BEGIN RSA PRIVATE KEY-----',
      ...body,
      '-----END RSA PRIVATE KEY-----',
      '`;',
      'export const after = 1;',
      'export const more = 2;',
    ];
    await writeFile('api/src/keys.ts', lines.join('\n') + '\n');
    git(api(), 'add', 'src/keys.ts');
    git(api(), 'commit', '-q', '-m', 'a key');
    await editLine('api/src/keys.ts', lines.indexOf('export const after = 1;') + 1, 'export const after = 42;');
    await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('export const after = 42;'), 'the edit was not sent');
    for (const line of body) assert.ok(!sent.includes(line), `a line of the key was sent: ${line}`);
    assert.ok(sent.includes('[REDACTED:private-key]'));
  });

  test('R47 .env edited and copied to a source file (diff.renames=copies): none of its lines is sent', async () => {
    git(api(), 'config', 'diff.renames', 'copies');
    try {
      const env = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('api/.env')));
      // A line no secret rule knows: only the exclusion keeps it from the model.
      const copied = env + 'INTERNAL_ONLY=copied-from-env-line\n';
      await writeFile('api/.env', copied);
      await writeFile('api/src/settings.ts', copied + '// settings\n');
      git(api(), 'add', 'src/settings.ts');
      const diff = git(api(), 'diff', 'HEAD', '--', '.');
      assert.match(diff, /copy from \.env\ncopy to src\/settings\.ts/, 'git did not report a copy');
      await editLine('api/src/users.ts', 2, '// touched');
      const { notes } = await changes();
      const sent = allText(lastRequest(lm.fake));
      assert.ok(!sent.includes('copied-from-env-line') && !sent.includes('fixture-password-do-not-send'), 'a line of .env was sent');
      assert.ok(
        notes.some((note) => note.startsWith('api/src/settings.ts was not sent: it matches the exclusion pattern ".env"')),
        JSON.stringify(notes),
      );
    } finally {
      git(api(), 'config', '--unset', 'diff.renames');
    }
  });

  test('R25 a binary file among the changes is named and never sent', async () => {
    await writeFile('api/assets/logo.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 0x42, 0x49, 0x4e, 0x41, 0x52, 0x59]));
    await editLine('api/src/users.ts', 2, '// touched');
    const { notes } = await changes();
    assert.ok(
      notes.some((note) => note.startsWith('api/assets/logo.bin was not sent: it is a binary file')),
      JSON.stringify(notes),
    );
    assert.ok(!allText(lastRequest(lm.fake)).includes('BINARY'));
  });

  test('R23 a file over 5 MB: its changed hunk is sent, never the whole file; a new one that big is only named', async () => {
    const line = 'const filler = "' + 'x'.repeat(90) + '";';
    const big = Array.from({ length: 60_000 }, (_, index) => `${line} // ${index + 1}`).join('\n') + '\n';
    await writeFile('api/big.ts', big);
    git(api(), 'add', 'big.ts');
    git(api(), 'commit', '-q', '-m', 'big file');
    await editLine('api/big.ts', 30_000, 'const changed = "in the middle";');
    await writeFile('api/huge-new.ts', big);
    const { stats, notes } = await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /30000 \+ const changed = "in the middle";/);
    assert.ok(sent.length < 50_000, `sent ${sent.length} characters`);
    assert.ok(notes.some((note) => note.startsWith('api/huge-new.ts was not sent: it is a new file of')));
    assert.strictEqual(stats?.added, 1);
  });

  test('a deleted file is named, its old content not sent', async () => {
    git(api(), 'rm', '-q', 'src/db.ts');
    await editLine('api/src/users.ts', 2, '// db is gone');
    const { stats } = await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /Changed file: api\/src\/db\.ts\nStatus: deleted \(6 lines removed; the old content is not sent\)/);
    assert.ok(!sent.includes('async query(sql: string)'));
    assert.strictEqual(stats?.removed, 7);
  });

  test('an untracked new file is reviewed as added', async () => {
    await writeFile('api/src/orders.ts', 'export function listOrders() {\n  return [];\n}\n');
    const { stats } = await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /Changed file: api\/src\/orders\.ts\nStatus: added/);
    assert.match(sent, /1 \+ export function listOrders\(\) \{\n2 \+ {3}return \[\];/);
    assert.deepStrictEqual(stats, { files: 1, added: 3, removed: 0, omitted: 0 });
  });

  test('CRLF files: no carriage returns reach the model', async () => {
    await writeFile('api/src/windows.ts', 'export const a = 1;\r\nexport const b = 2;\r\n');
    git(api(), 'add', 'src/windows.ts');
    git(api(), 'commit', '-q', '-m', 'crlf');
    await writeFile('api/src/windows.ts', 'export const a = 1;\r\nexport const b = 3;\r\n');
    await changes();
    const piece = lastRequest(lm.fake).messages.find((message) => message.text.startsWith('Changed file: api/src/windows.ts'));
    assert.ok(piece, 'windows.ts was not sent');
    assert.ok(!piece.text.includes('\r'));
    assert.match(piece.text, /2 \+ export const b = 3;/);
  });

  test('conflict markers are sent as they are, and pointed out', async () => {
    git(api(), 'checkout', '-q', '-b', 'topic');
    await editLine('api/src/db.ts', 1, '// topic side');
    git(api(), 'commit', '-q', '-am', 'topic');
    git(api(), 'checkout', '-q', 'main');
    await editLine('api/src/db.ts', 1, '// main side');
    git(api(), 'commit', '-q', '-am', 'main');
    assert.notStrictEqual(tryGit(api(), 'merge', 'topic').status, 0, 'the merge should conflict');
    await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.match(sent, /unresolved merge conflict markers/);
    assert.match(sent, /\+ <<<<<<< HEAD/);
    git(api(), 'merge', '--abort');
    git(api(), 'branch', '-q', '-D', 'topic');
    git(api(), 'reset', '-q', '--hard', 'HEAD~1');
  });

  test('detached HEAD: the changes against the commit checked out', async () => {
    git(api(), 'checkout', '-q', '--detach', 'HEAD');
    await editLine('api/src/users.ts', 2, '// detached');
    const { stats } = await changes();
    assert.deepStrictEqual(stats, { files: 1, added: 1, removed: 1, omitted: 0 });
  });

  test('two repositories: the active editor’s is reviewed', async () => {
    await editLine('api/src/users.ts', 2, '// API CHANGE');
    await editLine('billing/src/payments.ts', 1, '// BILLING CHANGE');
    await vscode.window.showTextDocument(fileUri('billing/src/payments.ts'));
    const { metadata } = await changes();
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('BILLING CHANGE') && !sent.includes('API CHANGE'));
    assert.strictEqual(metadata['repository'], 'billing');
  });

  test('R17 a diff larger than the budget: whole hunks first, the files cut are named', async () => {
    const body = (name: string) =>
      Array.from({ length: 150 }, (_, index) => `export const ${name}${index} = ${index}; // some words to make it longer`).join('\n');
    for (let index = 0; index < 12; index++) await writeFile(`api/src/generated${index}.ts`, body(`g${index}_`));
    lm.fake.setMaxInputTokens(6000);
    lm.restoreLater(async () => lm.fake.setMaxInputTokens(128_000));
    const { stats, notes } = await changes();
    assert.ok(
      notes.some((note) => note.startsWith("Left out to fit the model's input limit: api/src/generated")),
      JSON.stringify(notes),
    );
    assert.ok((stats?.omitted ?? 0) > 0 && (stats?.omitted ?? 0) < 1800, JSON.stringify(stats));
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.length < 6000 * 4, `sent ${sent.length} characters`);
    assert.ok(sent.includes('Changed file: api/src/generated0.ts'));
  });

  test('R11 a changed .env is never sent, and named', async () => {
    await writeFile('api/.env', 'DB_PASSWORD=a-new-password-never-sent\n');
    await editLine('api/src/users.ts', 2, '// config moved');
    const { notes } = await changes();
    assert.ok(
      notes.some((note) => note.startsWith('api/.env was not sent: it matches the exclusion pattern')),
      JSON.stringify(notes),
    );
    const sent = allText(lastRequest(lm.fake));
    assert.ok(!sent.includes('a-new-password-never-sent') && !sent.includes('fixture-password-do-not-send'));
  });

  test('/changes staged reviews only what is staged; /changes <ref> what changed since the merge base', async () => {
    await editLine('api/src/users.ts', 2, '// STAGED EDIT');
    git(api(), 'add', 'src/users.ts');
    await editLine('api/src/db.ts', 1, '// UNSTAGED EDIT');
    await changes('@architect /changes staged');
    let sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('STAGED EDIT') && !sent.includes('UNSTAGED EDIT'));
    git(api(), 'checkout', '-q', '-b', 'feature');
    git(api(), 'commit', '-q', '-m', 'feature work');
    const { metadata } = await changes('@architect /changes main what do you think?');
    sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('STAGED EDIT') && sent.includes('UNSTAGED EDIT'));
    assert.strictEqual(lastRequest(lm.fake).messages.at(-1)?.text, 'what do you think?');
    assert.strictEqual(metadata['command'], 'changes');
    git(api(), 'checkout', '-q', '-f', 'main');
    git(api(), 'branch', '-q', '-D', 'feature');
  });

  test('nothing changed, or an unknown ref: a one-line answer and no model request', async () => {
    const clean = await changes();
    assert.strictEqual(clean.metadata['outcome'], 'answered-without-model');
    const unknown = await changes('@architect /changes origin/no-such-branch');
    assert.strictEqual(unknown.metadata['outcome'], 'answered-without-model');
    assert.strictEqual(lm.fake.received.length, 0);
  });

  test('a repository without commits: a one-line answer and no model request', async () => {
    const fresh = await writeFile('fresh/src/a.ts', 'export const a = 1;\n');
    git(fileUri('fresh'), 'init', '-q');
    const opened = await gitApi.openRepository(fileUri('fresh'));
    assert.ok(opened, 'the Git extension did not open the new repository');
    await vscode.window.showTextDocument(fresh);
    const { metadata } = await changes();
    assert.strictEqual(metadata['outcome'], 'answered-without-model');
    assert.strictEqual(lm.fake.received.length, 0);
  });

  test('a review of changes replaces the findings on the lines it was shown; findings elsewhere in the file stay', async () => {
    const uri = fileUri('api/src/users.ts');
    lm.fake.behave({
      reply: [
        'Reviewed.\n\n```architect-findings\n',
        JSON.stringify([
          { file: 'api/src/users.ts', line: 7, severity: 'medium', title: 'Earlier, in the hunk' },
          { file: 'api/src/users.ts', line: 17, severity: 'high', title: 'Earlier, far from the change' },
        ]),
        '\n```\n',
      ],
    });
    await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(architectDiagnostics(uri).length, 2);
    // One change at line 5: its hunk shows lines 2–8 to the model, not line 17.
    await editLine('api/src/users.ts', 5, "  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);");
    lm.fake.behave({
      reply: [
        'Reviewed.\n\n```architect-findings\n',
        JSON.stringify([{ file: 'api/src/users.ts', line: 5, severity: 'low', title: 'New, on the change' }]),
        '\n```\n',
      ],
    });
    const { metadata } = await changes();
    assert.strictEqual(metadata['findings'], 1);
    assert.deepStrictEqual(
      architectDiagnostics(uri)
        .map((diagnostic) => diagnostic.message.split('\n')[0])
        .sort(),
      ['Earlier, far from the change', 'New, on the change'],
    );
  });

  test('in a folder inside a repository Git has not opened: it says so, and its button opens it and reviews', async () => {
    await editLine('api/src/users.ts', 2, '// INSIDE A REPOSITORY GIT HAS NOT OPENED');
    await vscode.commands.executeCommand('git.close', api());
    try {
      await eventually(
        () => !gitApi.repositories.some((repository) => repository.rootUri.toString() === api().toString()),
        30_000,
        'Git to close the api repository',
      );
      await vscode.window.showTextDocument(fileUri('api/src/users.ts'));
      const { metadata } = await changes();
      assert.strictEqual(metadata['outcome'], 'answered-without-model');
      const said = String(metadata['answerWithoutModel']);
      assert.match(said, /inside the Git repository at .*api.*, which Git has not opened/, said);
      assert.doesNotMatch(said, /Initiali[sz]e/, 'Initialize would make a repository inside the repository');
      assert.strictEqual(lm.fake.received.length, 0);
      await eventually(
        () => /outcome=answered-without-model reason=repository-not-opened/.test(architectLogText()),
        10_000,
        'the log line with the reason',
      );
      await clickRole('button', '^Open Repository and Review Changes$');
      await eventually(
        () => lm.fake.received.length > 0 && allText(lastRequest(lm.fake)).includes('INSIDE A REPOSITORY GIT HAS NOT OPENED'),
        60_000,
        'the review after the button',
      );
      assert.ok(gitApi.repositories.some((repository) => repository.rootUri.toString() === api().toString()));
    } finally {
      await gitApi.openRepository(api());
    }
  });

  test('findings outside the changed lines do not become diagnostics; the answer counts them', async () => {
    // Two changes far apart: two hunks (lines 2–8 and 14–18), and untouched lines between them.
    await editLine('api/src/users.ts', 5, "  const rows = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);");
    const uri = await editLine('api/src/users.ts', 17, "  return db.query('SELECT id, email FROM users LIMIT 100');");
    lm.fake.behave({
      reply: [
        'Reviewed.\n\n```architect-findings\n',
        JSON.stringify([
          { file: 'api/src/users.ts', line: 5, severity: 'high', title: 'On the change' },
          { file: 'api/src/users.ts', line: 8, severity: 'low', title: 'Near the change' },
          { file: 'api/src/users.ts', line: 11, severity: 'medium', title: 'Untouched code' },
        ]),
        '\n```\n',
      ],
    });
    const { metadata } = await changes();
    assert.strictEqual(metadata['findings'], 2);
    assert.strictEqual(metadata['findingsOutsideChanges'], 1);
    assert.deepStrictEqual(
      architectDiagnostics(uri)
        .map((diagnostic) => diagnostic.message.split('\n')[0])
        .sort(),
      ['Near the change', 'On the change'],
    );
  });
  test('R45: a finding across two hunks, over lines never shown, is not a diagnostic and offers no quick fix', async () => {
    // A committed file of 510 lines, then edits at lines 10 and 500: hunks 7–13 and 497–503.
    const long = Array.from({ length: 510 }, (_, index) => `export const v${index + 1} = ${index + 1};`);
    long[299] = 'export const isAdmin = (user: { role: string }) => user.role === "admin";';
    await writeFile('api/src/long.ts', long.join('\n') + '\n');
    git(api(), 'add', 'src/long.ts');
    git(api(), 'commit', '-q', '-m', 'a long file');
    try {
      await editLine('api/src/long.ts', 10, 'export const v10 = 1000;');
      const uri = await editLine('api/src/long.ts', 500, 'export const v500 = 5000;');
      lm.fake.behave({
        reply: [
          'Reviewed.\n\n```architect-findings\n',
          JSON.stringify([
            { file: 'api/src/long.ts', line: 8, endLine: 500, severity: 'high', title: 'Across the hunks', replacement: 'a\nb\nc' },
            { file: 'api/src/long.ts', line: 10, severity: 'low', title: 'On the change', evidence: 'export const v10 = 1000;' },
          ]),
          '\n```\n',
        ],
      });
      const { metadata } = await changes();
      assert.strictEqual(metadata['findings'], 1);
      assert.strictEqual(metadata['ungrounded'], 1);
      assert.deepStrictEqual(
        architectDiagnostics(uri).map((diagnostic) => [diagnostic.range.start.line, diagnostic.message.split('\n')[0]]),
        [[9, 'On the change']],
      );
      await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(299, 0, 299, 1),
      );
      assert.ok(!actions.some((action) => action.title.startsWith('Apply Architect fix')), 'a fix over unseen lines was offered');
    } finally {
      git(api(), 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

suite('Review Changes (architect.reviewChanges) from Source Control', () => {
  const lm = useFakeModel();
  let gitApi: Awaited<ReturnType<typeof gitRepositories>>;
  suiteSetup(async () => {
    gitApi = await gitRepositories(api(), billing());
    // The command uses the model picked in the chat; pick the fake one once, as a user would.
    await ask('@architect hello');
  });
  setup(async () => {
    await resetRepository(gitApi, api());
    await resetRepository(gitApi, billing());
  });

  test('from the palette: the uncommitted changes of the active editor’s repository', async () => {
    await editLine('api/src/users.ts', 2, '// PALETTE');
    await vscode.window.showTextDocument(fileUri('api/src/users.ts'));
    const result = (await vscode.commands.executeCommand('architect.reviewChanges')) as { metadata?: Record<string, unknown> } | undefined;
    assert.strictEqual(result?.metadata?.['command'], 'changes');
    assert.ok(allText(lastRequest(lm.fake)).includes('PALETTE'));
  });

  test('from the Source Control title bar', async () => {
    // Whichever repository's title bar the button is on, its changes say so.
    await editLine('api/src/users.ts', 2, '// TITLE BAR');
    await editLine('billing/src/payments.ts', 1, '// TITLE BAR');
    await vscode.commands.executeCommand('workbench.view.scm');
    await sleep(1000);
    await clickRole('button', '^Review Changes$');
    await eventually(() => lm.fake.received.length > 0 && allText(lastRequest(lm.fake)).includes('TITLE BAR'), 60_000, 'the review');
  });

  test('from the Staged group: only the staged changes', async () => {
    await editLine('api/src/users.ts', 2, '// STAGED ONLY');
    git(api(), 'add', 'src/users.ts');
    await editLine('api/src/db.ts', 1, '// NOT STAGED');
    await gitApi.repositories.find((repository) => repository.rootUri.toString() === api().toString())?.status();
    await vscode.commands.executeCommand('workbench.view.scm');
    await sleep(1000);
    const before = lm.fake.received.length;
    // A click on a context menu that is still opening can be lost (the menu stays open and nothing
    // runs): a person clicks again, and so does the test, at most three times.
    let request: (typeof lm.fake.received)[number] | undefined;
    for (let attempt = 1; request === undefined && attempt <= 3; attempt++) {
      await clickRole('treeitem', 'Staged Changes', 'right');
      await clickRole('menuitem', 'Review Changes');
      request = await eventually(() => lm.fake.received[before], attempt === 3 ? 60_000 : 20_000, 'the review').catch(() => undefined);
    }
    assert.ok(request, 'Review Changes from the Staged group sent no request');
    const sent = allText(request);
    assert.ok(sent.includes('STAGED ONLY') && !sent.includes('NOT STAGED'));
  });
});
