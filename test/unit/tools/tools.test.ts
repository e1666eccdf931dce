import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  clampReadRange,
  findFilesInput,
  findReferencesInput,
  parseToolInput,
  readFileInput,
  MAX_READ_LINES,
} from '../../../src/core/tools/toolSchemas';
import { findFilesResult, findReferencesResult, readFileResult } from '../../../src/core/tools/toolResults';
import { fileSource, numberedLines } from '../support/helpers';

const protection = { exclude: ['.env', '.env.*', '**/*.pem'], redactSecrets: true };
const TOKEN = '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';

describe('tool inputs', () => {
  test('valid inputs pass', () => {
    assert.deepEqual(parseToolInput(readFileInput, { path: 'src/db.ts', startLine: 1, endLine: 20 }), {
      ok: true,
      value: { path: 'src/db.ts', startLine: 1, endLine: 20 },
    });
    assert.ok(parseToolInput(findFilesInput, { pattern: '**/*.sql' }).ok);
    assert.ok(parseToolInput(findReferencesInput, { path: 'src/a.ts', line: 3, symbol: 'createUser' }).ok);
  });

  test('paths that leave the workspace are refused', () => {
    for (const path of ['../secrets.txt', '/etc/passwd', 'C:\\Windows\\win.ini', '~/.ssh/id_rsa', 'src/../../x']) {
      const parsed = parseToolInput(readFileInput, { path });
      assert.equal(parsed.ok, false, path);
      assert.match(parsed.ok ? '' : parsed.error, /^Invalid input for "path"/);
    }
  });

  test('wrong types and missing fields are refused with the field named', () => {
    assert.deepEqual(parseToolInput(readFileInput, { path: 'a.ts', startLine: 0 }).ok, false);
    assert.match((parseToolInput(findReferencesInput, { path: 'a.ts', symbol: 'x' }) as { error: string }).error, /"line"/);
    assert.match((parseToolInput(findFilesInput, { pattern: '*', maxResults: 5000 }) as { error: string }).error, /"maxResults"/);
    assert.equal(parseToolInput(findFilesInput, 'not an object').ok, false);
  });

  test('a read is clamped to the file and to 400 lines', () => {
    assert.deepEqual(clampReadRange({ path: 'a' }, 1000), { startLine: 1, endLine: MAX_READ_LINES, clamped: false });
    assert.deepEqual(clampReadRange({ path: 'a', endLine: 1000 }, 1000), { startLine: 1, endLine: MAX_READ_LINES, clamped: true });
    assert.deepEqual(clampReadRange({ path: 'a', startLine: 990, endLine: 2000 }, 1000), { startLine: 990, endLine: 1000, clamped: false });
    assert.deepEqual(clampReadRange({ path: 'a', startLine: 5000 }, 10), { startLine: 10, endLine: 10, clamped: false });
  });
});

describe('tool outputs are protected like attachments', () => {
  test('an excluded file is not read', async () => {
    const output = await readFileResult(fileSource('.env', 'DB_PASSWORD=hunter2'), { path: '.env' }, protection);
    assert.equal(output.text, '.env is excluded from what Architect sends to models (architect.exclude: ".env"); it was not read.');
    assert.equal(output.sent, undefined);
  });

  test('a binary file is not read', async () => {
    const output = await readFileResult({ ...fileSource('logo.png', ''), content: { kind: 'binary' } }, { path: 'logo.png' }, protection);
    assert.match(output.text, /binary file/);
  });

  test('secrets are redacted and lines numbered; the range read is reported as sent', async () => {
    const text = `${numberedLines(10)}\nconst token = "${TOKEN}";\n${numberedLines(5)}`;
    const output = await readFileResult(
      fileSource('src/config.ts', text),
      { path: 'src/config.ts', startLine: 9, endLine: 12 },
      protection,
    );
    assert.ok(!output.text.includes(TOKEN));
    assert.match(output.text, /11 \| const token = "\[REDACTED:github-token\]";/);
    assert.equal(output.redactions, 1);
    assert.deepEqual([output.sent?.startLine, output.sent?.endLine, output.sent?.viaTool], [9, 12, true]);
    assert.match(output.text, /\(lines 9-12 of 16; ask for the next range to read on\)/);
  });

  test('found files mark the excluded ones', () => {
    const output = findFilesResult(
      [
        { path: '.env', matchPath: '.env' },
        { path: 'src/a.ts', matchPath: 'src/a.ts' },
      ],
      '**/*',
      false,
      protection,
    );
    assert.equal(output.text, '2 files match **/*:\n.env (excluded: cannot be read)\nsrc/a.ts');
  });

  test('reference lines are redacted, and lines of excluded files are not shown', async () => {
    const output = await findReferencesResult(
      [
        { path: 'src/a.ts', matchPath: 'src/a.ts', line: 3, lineText: `  connect("${TOKEN}")` },
        { path: 'beta/keys/prod.pem', matchPath: 'keys/prod.pem', line: 1, lineText: 'KEY-MATERIAL' },
      ],
      'connect',
      protection,
    );
    assert.ok(!output.text.includes(TOKEN) && !output.text.includes('KEY-MATERIAL'));
    assert.match(output.text, /src\/a\.ts:3: connect\("\[REDACTED:github-token\]"\)/);
    assert.match(output.text, /beta\/keys\/prod\.pem:1 \(excluded: not shown\)/);
  });
});

describe('R39 reference lines', () => {
  test('R39 a long reference line is redacted before it is cut: no piece of the secret is sent', async () => {
    // Built here so that no secret-shaped string sits in the repository.
    const secret = ['Qw7rT2yU', 'i9oP3aSd', 'F5gH1jKl', 'Z8xC4vBn', 'M6qW0eRt'].join('');
    assert.equal(secret.length, 40);
    // 190 characters before the key name, and shorter prefixes that put the cut inside the value.
    for (const prefixLength of [190, 160, 150, 140]) {
      const prefix = `const config = { region: "eu-west-1", ${'z'.repeat(200)}`.slice(0, prefixLength);
      const lineText = `${prefix}aws_secret_access_key = "${secret}" };`;
      const output = await findReferencesResult([{ path: 'src/aws.ts', matchPath: 'src/aws.ts', line: 7, lineText }], 'config', protection);
      for (let at = 0; at + 4 <= secret.length; at++) {
        assert.ok(!output.text.includes(secret.slice(at, at + 4)), `prefix ${prefixLength}: "${secret.slice(at, at + 4)}" was sent`);
      }
      assert.equal(output.redactions, 1, `prefix ${prefixLength}`);
      assert.ok(output.text.includes(prefix.slice(0, 100)), 'the start of the line is still shown');
    }
  });
});
