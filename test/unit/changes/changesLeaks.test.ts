import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildChangesContext } from '../../../src/core/changes/changesContext';
import { type DiffFile, type DiffLine } from '../../../src/core/changes/diffModel';
import { keyLinesIn, mayShowPartOfKey } from '../../../src/core/changes/keysAround';
import { parseUnifiedDiff } from '../../../src/core/changes/parseDiff';
import { DEFAULT_EXCLUDE } from '../../../src/core/context/exclude';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Line = fc.array(fc.constantFrom(...BASE64), { minLength: 64, maxLength: 64 }).map((chars) => chars.join(''));

/** A file of code with a PEM key in it: lines before, the key, lines after. */
function fileWithKey(before: number, body: readonly string[], after: number): string[] {
  return [
    ...Array.from({ length: before }, (_, index) => `const before${index} = ${index};`),
    '-----BEGIN RSA PRIVATE KEY-----',
    ...body,
    '-----END RSA PRIVATE KEY-----',
    ...Array.from({ length: after }, (_, index) => `const after${index} = ${index};`),
  ];
}

/** What `git diff` gives for one changed line (1-based) with three lines of context. */
function oneLineChanged(path: string, oldLines: readonly string[], newLines: readonly string[], changed: number): DiffFile {
  const from = Math.max(1, changed - 3);
  const to = Math.min(newLines.length, changed + 3);
  const lines: DiffLine[] = [];
  for (let line = from; line <= to; line++) {
    if (line !== changed) lines.push({ kind: 'context', newLine: line, text: newLines[line - 1] ?? '' });
    else {
      lines.push({ kind: 'del', beforeLine: line, text: oldLines[line - 1] ?? '' });
      lines.push({ kind: 'add', newLine: line, text: newLines[line - 1] ?? '' });
    }
  }
  const count = to - from + 1;
  return {
    path,
    status: 'modified',
    binary: false,
    hunks: [{ oldStart: from, oldLines: count, newStart: from, newLines: count, lines }],
    added: 1,
    removed: 1,
  };
}

/** The reader's part: the key lines of both versions, when the hunks could show part of a key. */
function asRead(file: DiffFile, oldLines: readonly string[], newLines: readonly string[]): DiffFile {
  if (!mayShowPartOfKey(file)) return file;
  return { ...file, keyLines: keyLinesIn([newLines.join('\n'), oldLines.join('\n')]) };
}

async function sentText(files: readonly DiffFile[], exclude: readonly string[] = DEFAULT_EXCLUDE): Promise<string> {
  const context = await buildChangesContext({ files, exclude, redactSecrets: true, budgetChars: 200_000 });
  return context.pieces.join('\n');
}

describe('/changes next to a private key', () => {
  test('R46 editing the line after a key’s END line sends no line of the key', async () => {
    const body = ['MIIEowIBAAKCAQEA' + 'q'.repeat(48), 'Z'.repeat(64), 'y'.repeat(40) + 'AbCd'.repeat(6), 'Kx9='];
    const oldLines = fileWithKey(2, body, 4);
    const newLines = [...oldLines];
    const afterEnd = 2 + body.length + 3;
    newLines[afterEnd - 1] = 'const after0 = 42;';
    const file = asRead(oneLineChanged('src/keys.ts', oldLines, newLines, afterEnd), oldLines, newLines);
    const sent = await sentText([file]);
    for (const line of body.slice(1)) assert.ok(!sent.includes(line), `a key line was sent: ${line}`);
    assert.ok(sent.includes('[REDACTED:private-key]'));
    assert.ok(sent.includes('const after0 = 42;'), 'the edit itself is sent');
  });

  test('R46 a diff anywhere inside or after a key, its BEGIN line outside the hunk: no line of the key is sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(base64Line, { minLength: 5, maxLength: 30 }),
        base64Line,
        fc.nat(),
        fc.integer({ min: 0, max: 6 }),
        async (body, replacement, at, after) => {
          const oldLines = fileWithKey(3, body, after + 1);
          const first = 5; // the first line of the key body
          const changed = first + (at % (body.length + 2 + after));
          const newLines = [...oldLines];
          const inKey = changed < first + body.length;
          newLines[changed - 1] = inKey ? replacement : `const edited = ${at};`;
          const file = asRead(oneLineChanged('src/key.ts', oldLines, newLines, changed), oldLines, newLines);
          const sent = await sentText([file]);
          for (const line of [...body, replacement]) assert.ok(!sent.includes(line.slice(0, 40)), `sent: ${line}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('R46 key lines are found in a whole file however far the BEGIN line is, and only key lines', () => {
    const lines = fileWithKey(1, ['A'.repeat(64), 'B'.repeat(64)], 1);
    const found = keyLinesIn([lines.join('\n')]);
    assert.deepEqual(
      found.map((line) => line.text),
      lines.slice(1, 5),
    );
    assert.deepEqual(keyLinesIn(['const key = "not a key";\n' + 'A'.repeat(64)]), []);
  });
});

describe('/changes: copies and renames from files that may not be sent', () => {
  test('R47 .env copied to settings.ts (diff.renames=copies): parsed as a copy, none of its lines sent', async () => {
    const files = parseUnifiedDiff(
      [
        'diff --git a/.env b/settings.ts',
        'similarity index 60%',
        'copy from .env',
        'copy to settings.ts',
        '--- a/.env',
        '+++ b/settings.ts',
        '@@ -1,3 +1,3 @@',
        '-DB_PASSWORD=hunter2-from-env',
        '+export const settings = {};',
        ' API_TOKEN=kept-line-from-env',
        ' REGION=eu',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      files.map((file) => [file.status, file.path, file.oldPath]),
      [['copied', 'settings.ts', '.env']],
    );
    const context = await buildChangesContext({ files, exclude: DEFAULT_EXCLUDE, redactSecrets: false, budgetChars: 10_000 });
    const sent = context.pieces.join('\n');
    assert.ok(!sent.includes('hunter2-from-env') && !sent.includes('kept-line-from-env'), sent);
    assert.ok(context.notes.some((note) => note.startsWith('settings.ts was not sent: it matches the exclusion pattern ".env"')));
  });

  test('R47 a copy or rename from any excluded name, however quoted, sends none of the source’s lines', async () => {
    const excluded = fc.constantFrom('.env', 'config/.env.local', 'keys/server.pem', 'deploy/prod.tfstate', 'home/.npmrc');
    const target = fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.ts$/);
    await fc.assert(
      fc.asyncProperty(excluded, target, fc.constantFrom('copy', 'rename'), fc.boolean(), async (source, to, how, quoted) => {
        const name = (path: string, side: string) => (quoted ? `"${side}/${path}"` : `${side}/${path}`);
        const diff = [
          `diff --git ${name(source, 'a')} ${name(to, 'b')}`,
          'similarity index 70%',
          `${how} from ${quoted ? `"${source}"` : source}`,
          `${how} to ${quoted ? `"${to}"` : to}`,
          `--- ${name(source, 'a')}`,
          `+++ ${name(to, 'b')}`,
          '@@ -1,2 +1,2 @@',
          '-SOURCE_ONLY_SECRET=1',
          '+changed = 2',
          ' SOURCE_CONTEXT_SECRET=3',
          '',
        ].join('\n');
        const files = parseUnifiedDiff(diff);
        assert.equal(files[0]?.oldPath, source);
        const sent = await sentText(files);
        assert.ok(!sent.includes('SOURCE_'), sent);
      }),
      { numRuns: 80 },
    );
  });
});

describe('/changes in a multi-root workspace', () => {
  test('R48 architect.exclude matches a diff path relative to its own folder, as for attachments', async () => {
    const files: DiffFile[] = [
      {
        path: 'api/config/secrets.json',
        matchPath: 'config/secrets.json',
        status: 'modified',
        binary: false,
        hunks: [
          { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: [{ kind: 'add', newLine: 1, text: '{"token": "folder-secret"}' }] },
        ],
        added: 1,
        removed: 0,
      },
      {
        path: 'api/src/renamed.ts',
        matchPath: 'src/renamed.ts',
        oldPath: 'api/config/secrets.json',
        oldMatchPath: 'config/secrets.json',
        status: 'renamed',
        binary: false,
        hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: [{ kind: 'context', newLine: 1, text: 'RENAMED_SECRET' }] }],
        added: 0,
        removed: 0,
      },
    ];
    const context = await buildChangesContext({ files, exclude: ['config/secrets.json'], redactSecrets: false, budgetChars: 10_000 });
    const sent = context.pieces.join('\n');
    assert.ok(!sent.includes('folder-secret') && !sent.includes('RENAMED_SECRET'), sent);
    assert.equal(context.notes.length, 2);
    assert.ok(context.notes[0]?.startsWith('api/config/secrets.json was not sent: it matches the exclusion pattern "config/secrets.json"'));
  });
});
