import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unionShown } from '../../../src/core/findings/shownLines';
import { shownFromSent } from '../../../src/core/sources/contextSource';
import { trackLines, type LineEdit } from '../../../src/core/findings/trackLines';
import { type SentPiece } from '../../../src/core/request/plan';

/** Applies an edit given in 0-based line/character positions to a text of '\n'-separated lines. */
function applyEdit(lines: readonly string[], edit: LineEdit): string[] {
  const before =
    lines.slice(0, edit.startLine).join('\n') +
    (edit.startLine > 0 ? '\n' : '') +
    (lines[edit.startLine] ?? '').slice(0, edit.startCharacter);
  const after =
    (lines[edit.endLine] ?? '').slice(edit.endCharacter) +
    (edit.endLine < lines.length - 1 ? '\n' : '') +
    lines.slice(edit.endLine + 1).join('\n');
  return (before + edit.insertedText + after).split('\n');
}

const doc = ['a', 'b', 'c', 'd', 'e', 'f'];
const finding = { startLine: 3, endLine: 4 }; // c, d

describe('a finding follows the edits of its document', () => {
  test('lines added above move it down; lines removed above move it up', () => {
    assert.deepEqual(trackLines(finding, { startLine: 0, startCharacter: 1, endLine: 0, endCharacter: 1, insertedText: '\nx\ny' }), {
      kind: 'moved',
      range: { startLine: 5, endLine: 6 },
    });
    assert.deepEqual(trackLines(finding, { startLine: 0, startCharacter: 0, endLine: 2, endCharacter: 0, insertedText: '' }), {
      kind: 'moved',
      range: { startLine: 1, endLine: 2 },
    });
  });

  test('an edit below it, or a line inserted right before it, leaves its text alone', () => {
    assert.equal(trackLines(finding, { startLine: 5, startCharacter: 0, endLine: 5, endCharacter: 1, insertedText: 'z' }).kind, 'same');
    assert.deepEqual(trackLines(finding, { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 0, insertedText: 'new\n' }), {
      kind: 'moved',
      range: { startLine: 4, endLine: 5 },
    });
  });

  test('an edit inside its lines (a fix applied, a hand edit) touches it', () => {
    const fix = trackLines(finding, { startLine: 2, startCharacter: 0, endLine: 3, endCharacter: 1, insertedText: 'fixed' });
    assert.equal(fix.kind, 'touched');
    const typed = trackLines(finding, { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 0, insertedText: 'x' });
    assert.equal(typed.kind, 'touched');
    const joined = trackLines(finding, { startLine: 1, startCharacter: 1, endLine: 2, endCharacter: 0, insertedText: '' });
    assert.equal(joined.kind, 'touched', 'a line joined onto the one above no longer reads as it did');
  });

  test('whenever it says the lines were only moved or left alone, they read exactly as before', () => {
    const lines = fc.array(fc.stringMatching(/^[a-c ]{0,4}$/), { minLength: 1, maxLength: 12 });
    const caseOf = lines.chain((text) =>
      fc
        .record({
          from: fc.nat(text.length - 1),
          to: fc.nat(text.length - 1),
          findingFrom: fc.nat(text.length - 1),
          findingTo: fc.nat(text.length - 1),
          startCharacter: fc.nat(5),
          endCharacter: fc.nat(5),
          insertedText: fc.stringMatching(/^[a-c\n]{0,6}$/),
        })
        .map((pick) => {
          const [startLine, endLine] = [Math.min(pick.from, pick.to), Math.max(pick.from, pick.to)];
          const startCharacter = Math.min(pick.startCharacter, (text[startLine] ?? '').length);
          let endCharacter = Math.min(pick.endCharacter, (text[endLine] ?? '').length);
          if (startLine === endLine) endCharacter = Math.max(endCharacter, startCharacter);
          const edit: LineEdit = { startLine, startCharacter, endLine, endCharacter, insertedText: pick.insertedText };
          const range = {
            startLine: Math.min(pick.findingFrom, pick.findingTo) + 1,
            endLine: Math.max(pick.findingFrom, pick.findingTo) + 1,
          };
          return { text, edit, range };
        }),
    );
    fc.assert(
      fc.property(caseOf, ({ text, edit, range }) => {
        const tracked = trackLines(range, edit);
        if (tracked.kind === 'touched') return;
        const after = applyEdit(text, edit);
        assert.deepEqual(after.slice(tracked.range.startLine - 1, tracked.range.endLine), text.slice(range.startLine - 1, range.endLine));
      }),
    );
  });

  test('the helper that applies edits agrees with a plain example', () => {
    assert.deepEqual(applyEdit(doc, { startLine: 1, startCharacter: 1, endLine: 2, endCharacter: 0, insertedText: '' }), [
      'a',
      'bc',
      'd',
      'e',
      'f',
    ]);
  });
});

describe('the lines a review was shown', () => {
  const piece = (key: string, startLine: number, endLine: number): SentPiece => ({
    key,
    uri: key,
    label: key,
    matchPath: key,
    startLine,
    endLine,
    totalLines: 100,
    complete: false,
  });

  test('an attached window and what a tool read of the same file are both shown', () => {
    const shown = unionShown([shownFromSent([piece('file:///a.ts', 1, 40), piece('file:///a.ts', 60, 80), piece('file:///b.ts', 5, 9)])]);
    assert.deepEqual(shown.get('file:///a.ts'), [
      { startLine: 1, endLine: 40 },
      { startLine: 60, endLine: 80 },
    ]);
    assert.deepEqual(shown.get('file:///b.ts'), [{ startLine: 5, endLine: 9 }]);
  });

  test('a diff shows its hunks, not the lines between them', () => {
    const hunks = new Map([
      [
        'file:///a.ts',
        [
          { startLine: 7, endLine: 13 },
          { startLine: 497, endLine: 503 },
        ],
      ],
    ]);
    const shown = unionShown([hunks]);
    assert.deepEqual(shown.get('file:///a.ts'), [
      { startLine: 7, endLine: 13 },
      { startLine: 497, endLine: 503 },
    ]);
  });
});
