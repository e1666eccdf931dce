import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_EVIDENCE_CHARS } from '../../../src/core/findings/evidence';
import { groundFindings } from '../../../src/core/findings/groundFindings';
import { type Finding, parseFindings } from '../../../src/core/findings/parseFindings';
import { withFixOffer } from '../../../src/core/findings/quickFix';
import { renderFindings } from '../../../src/core/findings/renderFindings';
import { type FileLines, searchAll } from '../../../src/core/findings/shownCode';
import { type ShownLines } from '../../../src/core/findings/shownLines';
import { unionShown } from '../../../src/core/findings/shownLines';
import { shownFromSent } from '../../../src/core/sources/contextSource';
import { TASKS } from '../../../src/core/prompt/tasks';
import { type SentPiece } from '../../../src/core/request/plan';
import { hiddenCodePoint, markerOf, ordinaryCode } from '../support/hiddenSet';

const SEED = Number(process.env['FC_SEED'] ?? 20261206);

const KEY = 'file:///ws/src/orders.ts';
const CODE = [
  'import { db } from "./db";',
  '',
  'export async function searchOrders(term: string) {',
  "  const sql = 'SELECT * FROM orders WHERE note LIKE ' + term;",
  '  return db.query(sql);',
  '}',
  '',
  'export async function listOrders() {',
  "  return db.query('SELECT * FROM orders');",
  '}',
  '',
  'export async function countOrders() {',
  "  return db.query('SELECT count(*) FROM orders');",
  '}',
];

function fileOf(lines: readonly string[]): FileLines {
  return { lineCount: lines.length, lineAt: (line) => lines[line - 1] };
}

function pieceOf(key = KEY, startLine = 1, endLine = CODE.length, label = 'src/orders.ts'): SentPiece {
  return { key, uri: key, label, matchPath: label, startLine, endLine, totalLines: CODE.length, complete: true };
}

function finding(line: number, endLine: number, extra: Partial<Finding> = {}): Finding {
  return { piece: pieceOf(), line, endLine, severity: 'high', title: 'SQL built by concatenation', ...extra };
}

const wholeFile: ShownLines = new Map([[KEY, [{ startLine: 1, endLine: CODE.length }]]]);
const files = new Map([[KEY, fileOf(CODE)]]);

function ground(found: Finding, shown: ShownLines = wholeFile, lines: readonly string[] = CODE) {
  return groundFindings([found], shown, new Map([[KEY, fileOf(lines)]]));
}

describe('grounded findings', () => {
  test('evidence at the cited lines stands, whatever the whitespace', () => {
    const result = ground(finding(4, 4, { evidence: "const sql =\n    'SELECT * FROM orders WHERE note LIKE '+term;" }));
    assert.equal(result.ungrounded, 0);
    assert.deepEqual(
      result.grounded.map((item) => [item.line, item.endLine]),
      [[4, 4]],
    );
    assert.deepEqual(result.grounded[0]?.shown, [{ startLine: 1, endLine: CODE.length }]);
  });

  test('evidence found exactly once elsewhere moves the finding there (models miscount lines)', () => {
    const result = ground(
      finding(8, 9, {
        evidence: "const sql = 'SELECT * FROM orders WHERE note LIKE ' + term;\n  return db.query(sql);",
        replacement: 'a\nb',
      }),
    );
    assert.equal(result.moved, 1);
    assert.deepEqual(
      result.grounded.map((item) => [item.line, item.endLine, item.replacement]),
      [[4, 5, 'a\nb']],
    );
  });

  test('a moved finding keeps its replacement only when the move is a shift of the same lines', () => {
    const result = ground(finding(8, 10, { evidence: "WHERE note LIKE ' + term;", replacement: 'x' }));
    assert.deepEqual(
      result.grounded.map((item) => [item.line, item.endLine, item.replacement]),
      [[4, 4, undefined]],
    );
  });

  test('evidence the shown code does not hold leaves the finding out', () => {
    const result = ground(finding(4, 4, { evidence: 'db.raw(`DROP TABLE orders`)' }));
    assert.deepEqual(result, { grounded: [], ungrounded: 1, moved: 0, searched: result.searched });
  });

  test('evidence found several times, none at the cited lines, leaves the finding out; at the cited lines it stands', () => {
    assert.equal(ground(finding(4, 4, { evidence: 'return db.query(' })).grounded.length, 0);
    assert.equal(ground(finding(9, 9, { evidence: 'return db.query(' })).grounded.length, 1);
  });

  test('a finding without evidence stands on its lines when they were shown', () => {
    assert.equal(ground(finding(4, 5)).grounded.length, 1);
  });

  test('R45: a finding across two hunks, over lines never shown, is left out', () => {
    const hunks: ShownLines = new Map([
      [
        KEY,
        [
          { startLine: 2, endLine: 5 },
          { startLine: 11, endLine: 14 },
        ],
      ],
    ]);
    assert.equal(ground(finding(3, 12), hunks).ungrounded, 1);
    assert.equal(ground(finding(3, 5), hunks).ungrounded, 0);
  });

  test('evidence never joins the end of one shown range to the start of the next', () => {
    const hunks: ShownLines = new Map([
      [
        KEY,
        [
          { startLine: 1, endLine: 5 },
          { startLine: 9, endLine: 14 },
        ],
      ],
    ]);
    assert.equal(
      ground(finding(5, 5, { evidence: "return db.query(sql);\n  return db.query('SELECT * FROM orders');" }), hunks).ungrounded,
      1,
    );
  });

  test('evidence copied with the line numbers of the prompt still matches', () => {
    const result = ground(
      finding(4, 5, { evidence: "  4 | const sql = 'SELECT * FROM orders WHERE note LIKE ' + term;\n  5 | return db.query(sql);" }),
    );
    assert.equal(result.grounded.length, 1);
    const diff = ground(
      finding(4, 5, { evidence: "4 + const sql = 'SELECT * FROM orders WHERE note LIKE ' + term;\n5 | return db.query(sql);" }),
    );
    assert.equal(diff.grounded.length, 1);
  });

  test('evidence that quotes a redaction placeholder matches on what was around the secret', () => {
    const withKey = ['const a = 1;', 'const stripe = "sk_live_0123456789abcdefghijklmn"; // billing', 'const b = 2;'];
    const shown: ShownLines = new Map([[KEY, [{ startLine: 1, endLine: 3 }]]]);
    const result = ground(finding(2, 2, { evidence: 'const stripe = "[REDACTED:stripe-key]"; // billing' }), shown, withKey);
    assert.equal(result.grounded.length, 1);
  });

  test('hidden characters: evidence that quotes their markers matches the code that holds them', () => {
    const bidi = ['const ok = 1;', 'if (isAdmin\u202E) {', '}'];
    const shown: ShownLines = new Map([[KEY, [{ startLine: 1, endLine: 3 }]]]);
    assert.equal(ground(finding(2, 2, { evidence: 'if (isAdmin⟦U+202E⟧) {' }), shown, bidi).grounded.length, 1);
    assert.equal(ground(finding(2, 2, { evidence: 'if (isAdmin\u202E) {' }), shown, bidi).grounded.length, 1);
  });

  test('evidence in a file the edge could not read cannot be checked: left out', () => {
    assert.equal(groundFindings([finding(4, 4, { evidence: 'const sql' })], wholeFile, new Map()).ungrounded, 1);
    assert.equal(groundFindings([finding(4, 4)], wholeFile, new Map()).ungrounded, 0);
  });

  test('evidence is asked for and parsed, cut to a bounded length, and a long one is not a reason to drop the finding', () => {
    const long = 'x'.repeat(MAX_EVIDENCE_CHARS * 3);
    const parsed = parseFindings(
      JSON.stringify([
        { line: 4, severity: 'high', title: 'a', evidence: 'const sql' },
        { line: 5, severity: 'low', title: 'b', evidence: long },
        { line: 6, severity: 'low', title: 'c', evidence: 42 },
      ]),
      [pieceOf()],
    );
    assert.deepEqual(
      parsed.findings.map((item) => item.evidence?.length),
      [9, MAX_EVIDENCE_CHARS, undefined],
    );
  });

  test('the search is linear: Knuth–Morris–Pratt makes at most two comparisons per character, on the worst case of a naive search', () => {
    for (const size of [10_000, 100_000, 1_000_000]) {
      const text = 'a'.repeat(size);
      const steps = searchAll(text, `${'a'.repeat(399)}b`, 0, text.length, () => false);
      assert.ok(steps <= 2 * size, `${steps} comparisons for ${size} characters`);
      const all: number[] = [];
      const overlapping = searchAll(text, 'aa', 0, text.length, (start) => all.push(start) < 0);
      assert.equal(all.length, size - 1);
      assert.ok(overlapping <= 2 * size);
    }
  });
});

describe('grounded findings: hostile evidence (properties)', () => {
  test('evidence of 1 MB costs no more than its first few hundred characters', () => {
    const huge = `const sql = ${'x'.repeat(1_000_000)}`;
    const parsed = parseFindings(JSON.stringify([{ line: 4, severity: 'high', title: 'a', evidence: huge }]), [pieceOf()]);
    const cut = parsed.findings[0];
    assert.ok(cut?.evidence !== undefined && cut.evidence.length === MAX_EVIDENCE_CHARS);
    const result = groundFindings(parsed.findings, wholeFile, files);
    assert.equal(result.ungrounded, 1);
    const code = CODE.join('').length;
    // The cited lines with a margin of the pattern, then the whole shown file once: a bound on the work.
    assert.ok(result.searched <= 2 * (code + 2 * MAX_EVIDENCE_CHARS) + 2 * code, `${result.searched} comparisons`);
  });

  test('evidence full of regular-expression metacharacters is matched as text', () => {
    const meta = fc.string({
      unit: fc.constantFrom(...'.*+?^$()[]{}|\\/-'.split(''), 'a', '(a+)+', '(?=', '\\1'),
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(meta, fc.integer({ min: 1, max: 20 }), (evil, line) => {
        const code = Array.from({ length: 20 }, (_, index) =>
          index + 1 === line ? `const pattern = ${evil};` : `const v${index} = ${index};`,
        );
        const shown: ShownLines = new Map([[KEY, [{ startLine: 1, endLine: 20 }]]]);
        const at = ground(finding(line, line, { evidence: `const pattern = ${evil};` }), shown, code);
        const absent = ground(finding(line, line, { evidence: `missing ${evil}` }), shown, code);
        return at.grounded.length === 1 && at.grounded[0]?.line === line && absent.grounded.length === 0;
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('random whitespace changes to the evidence still match, at the cited lines or moved to the right ones', () => {
    const token = fc.string({ unit: fc.constantFrom(...'abcdefxyz(){};=+.,\'"0123456789'.split('')), minLength: 1, maxLength: 8 });
    const codeLine = fc.array(token, { minLength: 1, maxLength: 6 });
    const gap = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \n    ', '\r\n');
    fc.assert(
      fc.property(
        fc.array(codeLine, { minLength: 3, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.array(gap, { minLength: 60, maxLength: 60 }),
        (tokens, pick, offset, gaps) => {
          const code = tokens.map((line, index) => `${' '.repeat(index % 4)}${line.join(' ')}`);
          const line = (pick % code.length) + 1;
          const endLine = Math.min(code.length, line + (pick % 3));
          let used = 0;
          const evidence = tokens
            .slice(line - 1, endLine)
            .flat()
            .map((part) => `${part}${gaps[used++ % gaps.length] ?? ''}`)
            .join('');
          const shown: ShownLines = new Map([[KEY, [{ startLine: 1, endLine: code.length }]]]);
          const at = ground(finding(line, endLine, { evidence }), shown, code);
          if (at.grounded.length !== 1) return false;
          // Cited elsewhere: it moves to lines that hold the evidence, or is left out when it occurs more than once.
          const cited = (offset % code.length) + 1;
          const elsewhere = ground(finding(cited, cited, { evidence }), shown, code);
          const placed = elsewhere.grounded[0];
          return placed === undefined || (placed.line <= endLine && placed.endLine >= line) || placed.line === cited;
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('a finding pointing at a file never shown is dropped, whatever its name', () => {
    const name = fc.string({ unit: fc.constantFrom(...'abc/._-\\ \u202E\n'.split('')), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 14 }), (file, line) => {
        fc.pre(file.trim() !== '' && !['src/orders.ts', 'orders.ts'].includes(file.trim().replace(/^(\.\/)+/, '')));
        const parsed = parseFindings(JSON.stringify([{ line, file, severity: 'high', title: 't', evidence: 'db.query' }]), [pieceOf()]);
        const result = groundFindings(parsed.findings, wholeFile, files);
        return result.grounded.length === 0 && parsed.unshown + result.ungrounded === 1;
      }),
      { seed: SEED, numRuns: 500 },
    );
    // And one that reaches grounding with a piece whose key was never shown (a piece from another answer).
    const other = { ...finding(4, 4), piece: pieceOf('file:///ws/src/secret.ts', 1, 14, 'src/secret.ts') };
    assert.equal(groundFindings([other], wholeFile, files).ungrounded, 1);
  });
});

describe('the lines shown to the model', () => {
  test('a file of a review of changes is shown as its hunks, not from the first hunk to the last; ranges merge', () => {
    const changes = pieceOf(KEY, 7, 503);
    const tool = { ...pieceOf('file:///ws/src/db.ts', 1, 20, 'src/db.ts'), viaTool: true };
    const toolTail = { ...pieceOf('file:///ws/src/db.ts', 21, 40, 'src/db.ts'), viaTool: true };
    const hunks: ShownLines = new Map([
      [
        KEY,
        [
          { startLine: 497, endLine: 503 },
          { startLine: 7, endLine: 13 },
        ],
      ],
    ]);
    void changes;
    const shown = unionShown([hunks, shownFromSent([tool, toolTail])]);
    assert.deepEqual(shown.get(KEY), [
      { startLine: 7, endLine: 13 },
      { startLine: 497, endLine: 503 },
    ]);
    assert.deepEqual(shown.get('file:///ws/src/db.ts'), [{ startLine: 1, endLine: 40 }]);
  });
});

describe('R45: the quick fix replaces only lines the model was shown', () => {
  const hunks = [
    { startLine: 7, endLine: 13 },
    { startLine: 497, endLine: 503 },
  ];
  const across = finding(8, 500, { replacement: 'if (user) {\n  allow();\n}', shown: hunks });

  test('R45: a replacement that writes a redaction placeholder back is never offered', () => {
    const redacted = finding(8, 9, { replacement: "const key = '[REDACTED:stripe-key]';", shown: hunks });
    assert.equal(withFixOffer(redacted).quickFix, undefined);
  });

  test('R45: a replacement over lines between two hunks is not offered, even on a finding that got through', () => {
    assert.equal(withFixOffer(across).quickFix, undefined);
    assert.equal(withFixOffer({ ...across, shown: undefined }).quickFix, undefined);
    const inside = withFixOffer({ ...across, endLine: 10 });
    assert.equal(inside.quickFix?.title, 'Apply Architect fix: SQL built by concatenation');
    assert.equal(inside.quickFix?.confirm, false);
  });

  test('R45: a /changes finding at 8–500 over hunks 7–13 and 497–503 is neither grounded nor fixable', () => {
    const sent = [pieceOf(KEY, 7, 503)];
    const shown = unionShown([new Map([[KEY, hunks]])]);
    const parsed = parseFindings(
      JSON.stringify([{ line: 8, endLine: 500, severity: 'high', title: 'auth', replacement: 'a\nb\nc' }]),
      sent,
    );
    assert.equal(parsed.findings.length, 1, 'the piece runs from the first hunk to the last');
    const result = groundFindings(parsed.findings, shown, new Map());
    assert.deepEqual([result.grounded.length, result.ungrounded], [0, 1]);
  });

  test('R45: hidden characters in a replacement are named in the title and sent through a preview, never applied at one click', () => {
    const hidden = withFixOffer(finding(4, 4, { replacement: 'if (isAdmin\u202E\u200B) {', shown: [{ startLine: 1, endLine: 14 }] }));
    assert.equal(
      hidden.quickFix?.title,
      'Apply Architect fix (hidden characters ⟦U+202E⟧ ⟦U+200B⟧, shown in a preview first): SQL built by concatenation',
    );
    assert.equal(hidden.quickFix?.confirm, true);
    assert.equal(hidden.quickFix?.description, 'hidden characters: ⟦U+202E⟧ ⟦U+200B⟧');
    // The text itself is what the model wrote: the preview shows it, nothing is changed silently.
    assert.equal(hidden.quickFix?.text, 'if (isAdmin\u202E\u200B) {');
  });

  test('R45 R57: a replacement with an escape sequence or an unusual space is previewed, never applied at one click', () => {
    const shown = [{ startLine: 1, endLine: 14 }];
    const escape = withFixOffer(finding(4, 4, { replacement: 'log("\u001b[2Jdone");\u00a0', shown }));
    assert.equal(escape.quickFix?.confirm, true);
    assert.equal(escape.quickFix?.description, 'hidden characters: ⟦U+001B⟧ ⟦U+00A0⟧');
    fc.assert(
      fc.property(ordinaryCode, hiddenCodePoint, ordinaryCode, (before, codePoint, after) => {
        const offer = withFixOffer(finding(4, 4, { replacement: before + String.fromCodePoint(codePoint) + after, shown })).quickFix;
        return offer?.confirm === true && offer.title.includes(markerOf(codePoint)) && offer.description.includes(markerOf(codePoint));
      }),
      { numRuns: 300 },
    );
    const ordinary = withFixOffer(finding(4, 4, { replacement: '\tif (user) {\r\n\t\tallow();\r\n\t}', shown }));
    assert.equal(ordinary.quickFix?.confirm, false);
  });

  test('R45: a title with hidden characters or line breaks is one inert line in the action', () => {
    const offer = withFixOffer(finding(4, 4, { title: 'Fix\u202E\nnow', replacement: 'x', shown: [{ startLine: 1, endLine: 14 }] }));
    assert.equal(offer.quickFix?.title, 'Apply Architect fix: Fix⟦U+202E⟧⟦U+000A⟧now');
  });

  test('the list marks the findings that have a quick fix', () => {
    const parsed = {
      blockFound: true,
      dropped: [],
      unshown: 0,
      findings: [
        withFixOffer(finding(4, 4, { replacement: 'x', shown: [{ startLine: 1, endLine: 14 }] })),
        withFixOffer(finding(5, 5, { severity: 'low', title: 'No limit' })),
      ],
    };
    const lines = renderFindings(parsed).split('\n');
    assert.match(lines[2] ?? '', /^1\. 🔴 high · .* · SQL built by concatenation · 🔧 fix available$/);
    assert.match(lines[3] ?? '', /^2\. 🔵 low · .* · No limit$/);
  });
});

describe('the task texts and the metadata', () => {
  test('the findings format asks for evidence; no findings is a good answer; unseen code is not a finding', () => {
    assert.match(TASKS.findingsFormat, /"evidence": "<the code at those lines/);
    assert.match(TASKS.findingsFormat, /without the line numbers/);
    assert.match(TASKS.findingsFormat, /a\s+finding about code you have not seen is not a finding/);
    assert.match(TASKS.findingsFormat, /\[\] is a good answer/);
    assert.match(TASKS.review(), /that is a good review/);
    assert.match(TASKS.changes(), /no findings is a good answer/);
  });
});
