import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintLines, linesOf } from '../../../src/core/findings/fingerprint';
import { formatUnhelpfulFeedback } from '../../../src/core/log/requestLog';
import { appendIgnoreEntry, ignoreNote, isIgnored, parseIgnoreFile, type IgnoreEntry } from '../../../src/core/findings/ignoreFile';
import { parseFindings } from '../../../src/core/findings/parseFindings';
import { FINGERPRINT_KEY, GENERIC_RULE_ID, toSarif, type ExportedFinding } from '../../../src/core/findings/sarif';
import { type SentPiece } from '../../../src/core/request/plan';
import { sarifSchemaValidator } from '../../support/sarifValidator';
import { repoRoot } from '../support/helpers';

const code = ['function handler(req) {', '  const q = "SELECT * FROM t WHERE id = " + req.id;', '  return db.query(q);', '}'].join('\n');

describe("fingerprint of a finding's lines", () => {
  test('stays the same when the code moves down and is re-indented', () => {
    const before = fingerprintLines(linesOf(code, 2, 3));
    const moved = ['// a new header', '', '', ...code.split('\n').map((line) => `\t  ${line.replace(/ {2}/g, '    ')}  `)].join('\r\n');
    assert.equal(fingerprintLines(linesOf(moved, 5, 6)), before);
    assert.match(before, /^[0-9a-f]{16}$/);
  });

  test('differs for different code, and for the same lines in another order', () => {
    const base = fingerprintLines(linesOf(code, 2, 3));
    assert.notEqual(fingerprintLines(linesOf(code.replace('req.id', 'req.ids'), 2, 3)), base);
    assert.notEqual(fingerprintLines(linesOf(code, 2, 2)), base);
    assert.notEqual(fingerprintLines([linesOf(code, 3, 3)[0] ?? '', linesOf(code, 2, 2)[0] ?? '']), base);
  });
});

describe('ignore file', () => {
  const entry: IgnoreEntry = { file: 'src/handler.ts', rule: 'SEC-2', title: 'SQL injection', fingerprint: '0123456789abcdef' };

  test('a valid file is read, comments and trailing commas allowed; an empty one ignores nothing', () => {
    const text =
      '// the team\'s ignores\n[\n  {"file": "./src/handler.ts", "title": "N+1", "fingerprint": "0123456789abcdef", "reason": "batched",},\n]\n';
    assert.deepEqual(parseIgnoreFile(text), {
      ok: true,
      entries: [{ file: 'src/handler.ts', title: 'N+1', fingerprint: '0123456789abcdef', reason: 'batched' }],
    });
    assert.deepEqual(parseIgnoreFile('  \n'), { ok: true, entries: [] });
  });

  test('malformed JSON is an error on the line where it breaks', () => {
    const result = parseIgnoreFile('[\n  {"file": "a.ts",\n  "title": oops}\n]');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.line, 3);
    assert.match(!result.ok ? result.message : '', /not valid JSON \(InvalidSymbol\)/);
  });

  test('an entry of the wrong shape is an error on its line, and nothing is ignored', () => {
    const text = JSON.stringify([entry, { file: 'b.ts', title: 'x', fingerprint: 'not-a-hash' }], null, 2);
    const result = parseIgnoreFile(text);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.line, text.split('\n').findIndex((line) => line.includes('not-a-hash')) + 1);
    assert.match(!result.ok ? result.message : '', /invalid entry at 1\.fingerprint/);
    assert.equal(parseIgnoreFile('{"file": "a.ts"}').ok, false);
  });

  test('appending keeps what is there, formats the new entry and does not add a duplicate', () => {
    const existing = '[\n  // kept: a comment the team wrote\n  {"file": "a.ts", "title": "t", "fingerprint": "aaaaaaaaaaaaaaaa"}\n]\n';
    const parsed = parseIgnoreFile(existing);
    assert.ok(parsed.ok);
    const updated = appendIgnoreEntry(existing, parsed.entries, entry);
    assert.match(updated, /\/\/ kept: a comment the team wrote/);
    const reread = parseIgnoreFile(updated);
    assert.ok(reread.ok);
    assert.deepEqual(reread.entries.at(-1), entry);
    assert.equal(appendIgnoreEntry(updated, reread.entries, { ...entry, reason: 'another reason' }), updated);
    const fresh = appendIgnoreEntry('', [], entry);
    assert.deepEqual(JSON.parse(fresh), [entry]);
    assert.ok(fresh.endsWith('\n'));
  });

  test('a finding matches on file and fingerprint, then rule (or title when the ignore has no rule)', () => {
    const finding = { file: 'src/handler.ts', rule: 'SEC-2', title: 'SQL injection risk', fingerprint: entry.fingerprint };
    assert.equal(isIgnored(finding, [entry]), true);
    assert.equal(isIgnored({ ...finding, file: 'src/other.ts' }, [entry]), false);
    assert.equal(isIgnored({ ...finding, fingerprint: 'fedcba9876543210' }, [entry]), false);
    assert.equal(isIgnored({ ...finding, rule: 'SEC-9' }, [entry]), false);
    const byTitle: IgnoreEntry = { file: 'src/handler.ts', title: 'SQL  injection', fingerprint: entry.fingerprint };
    assert.equal(isIgnored({ ...finding, title: 'sql injection' }, [byTitle]), true);
    assert.equal(isIgnored(finding, [byTitle]), false);
  });
});

describe('what the answer says about ignored findings', () => {
  test('how many were left out, or why none was', () => {
    const none = { ignored: 0, malformed: false, unreadInRestrictedMode: false };
    assert.equal(ignoreNote(none), undefined);
    assert.equal(ignoreNote({ ...none, ignored: 1 }), '1 finding was left out: it is ignored in .github/architect/ignored-findings.json.');
    assert.equal(
      ignoreNote({ ...none, ignored: 3 }),
      '3 findings were left out: they are ignored in .github/architect/ignored-findings.json.',
    );
    assert.match(ignoreNote({ ...none, unreadInRestrictedMode: true }) ?? '', /^Ignored findings were not applied: in Restricted Mode/);
    assert.match(ignoreNote({ ...none, ignored: 2, malformed: true }) ?? '', /could not be read \(see the Problems panel\)/);
  });
});

describe('SARIF export', () => {
  const validate = sarifSchemaValidator(repoRoot);
  const findings: ExportedFinding[] = [
    {
      uriBaseId: 'SRCROOT',
      path: 'src/handler.ts',
      line: 2,
      endLine: 3,
      severity: 'critical',
      rule: 'SEC-2',
      title: 'SQL injection',
      fix: 'Use parameters',
      fingerprint: '0123456789abcdef',
    },
    {
      uriBaseId: 'SRCROOT',
      path: 'src/my folder/a#b.ts',
      line: 7,
      endLine: 7,
      severity: 'low',
      title: 'Naming',
      detail: 'Say what it holds',
      fingerprint: 'fedcba9876543210',
    },
    {
      uriBaseId: 'SRCROOT',
      path: 'src/handler.ts',
      line: 9,
      endLine: 9,
      severity: 'medium',
      rule: 'SEC-2',
      title: 'Another injection',
      fingerprint: '1111111111111111',
    },
  ];

  test('the log is valid against the official SARIF 2.1.0 schema', () => {
    assert.deepEqual(validate(toSarif({ version: '0.1.0', folders: [{ uriBaseId: 'SRCROOT', name: 'api' }], findings })), []);
    assert.deepEqual(validate(toSarif({ version: '0.1.0', folders: [], findings: [] })), []);
  });

  test('the validator is real: it rejects a log the schema forbids', () => {
    const log = toSarif({ version: '0.1.0', folders: [], findings }) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const result = log.runs[0]?.results[0];
    assert.ok(result);
    result['level'] = 'critical';
    assert.notDeepEqual(validate(log), []);
  });

  test('rules, levels, workspace-relative locations and fingerprints', () => {
    const log = toSarif({ version: '0.1.0', folders: [{ uriBaseId: 'SRCROOT', name: 'api' }], findings }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Architect');
    assert.deepEqual(
      run.tool.driver.rules.map((rule: { id: string }) => rule.id),
      ['SEC-2', GENERIC_RULE_ID],
    );
    assert.deepEqual(
      run.results.map((result: { level: string }) => result.level),
      ['error', 'note', 'warning'],
    );
    assert.deepEqual(
      run.results.map((result: { ruleIndex: number }) => result.ruleIndex),
      [0, 1, 0],
    );
    assert.deepEqual(run.results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/my%20folder/a%23b.ts', uriBaseId: 'SRCROOT' },
      region: { startLine: 7, endLine: 7 },
    });
    assert.deepEqual(run.results[0].partialFingerprints, { [FINGERPRINT_KEY]: '0123456789abcdef' });
    assert.equal(run.results[0].message.text, 'SQL injection\n\nFix: Use parameters');
    assert.ok(run.originalUriBaseIds.SRCROOT);
  });
});

describe('findings block: replacement and tolerant repair', () => {
  const piece: SentPiece = {
    key: 'k',
    uri: 'file:///ws/a.ts',
    label: 'a.ts',
    matchPath: 'a.ts',
    startLine: 1,
    endLine: 20,
    totalLines: 20,
    complete: true,
  };

  test('a trailing comma is repaired without touching text inside strings', () => {
    const parsed = parseFindings(
      'Here: [{"line": 2, "severity": "low", "title": "arr = [a, ]", "replacement": "const arr = [a, ];\\n",},] done',
      [piece],
    );
    assert.equal(parsed.findings[0]?.title, 'arr = [a, ]');
    assert.equal(parsed.findings[0]?.replacement, 'const arr = [a, ];');
  });

  test('anything worse than a trailing comma or a comment is not half-read', () => {
    assert.equal(parseFindings('[{"line": 2, "severity": "low", "title": "x"} {"line": 3}]', [piece]).blockFound, false);
    assert.equal(parseFindings('[/* note */ {"line": 2, "severity": "low", "title": "x"}]', [piece]).findings.length, 1);
  });

  test('an unusable replacement costs the quick fix, not the finding', () => {
    const parsed = parseFindings(
      JSON.stringify([
        { line: 2, severity: 'low', title: 'not text', replacement: 42 },
        { line: 3, severity: 'low', title: 'too long', replacement: 'x'.repeat(20_001) },
        { line: 4, endLine: 5, severity: 'low', title: 'two lines', replacement: 'a\r\nb\r\n' },
      ]),
      [piece],
    );
    assert.deepEqual(
      parsed.findings.map((finding) => [finding.title, finding.replacement]),
      [
        ['not text', undefined],
        ['too long', undefined],
        ['two lines', 'a\r\nb'],
      ],
    );
  });
});

describe('feedback', () => {
  test('a thumbs-down is logged with its command and findings count, never any text', () => {
    assert.equal(formatUnhelpfulFeedback({ command: 'review', findings: 3 }), 'feedback: unhelpful answer to /review, findings 3');
    assert.equal(formatUnhelpfulFeedback({ command: null, findings: 0 }), 'feedback: unhelpful answer to chat, findings 0');
  });
});
