import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { windowText, MAX_PIECE_CHARS } from '../../../src/core/context/window';
import { LineIndex } from '../../../src/core/context/lineIndex';
import { numberedLines } from '../support/helpers';

const keptText = (text: string, window: ReturnType<typeof windowText>) => window.lines.map((line) => text.slice(line.start, line.end));

describe('windowing', () => {
  test('a file that fits is kept whole', () => {
    const text = numberedLines(50);
    const window = windowText(text, undefined, 10_000);
    assert.equal(window.complete, true);
    assert.equal(window.lines.length, 50);
    assert.deepEqual(keptText(text, window), text.split('\n'));
  });

  test('the selection is kept whole and the window grows around it', () => {
    const text = numberedLines(1000);
    const window = windowText(text, { kind: 'selection', startLine: 500, endLine: 520 }, 3000);
    assert.equal(window.complete, false);
    assert.equal(window.selectionCut, false);
    assert.ok(window.startLine < 500 && window.endLine > 520, `${window.startLine}-${window.endLine}`);
    assert.ok(Math.abs(500 - window.startLine - (window.endLine - 520)) <= 1, 'roughly symmetric');
    const numbers = window.lines.map((line) => line.line);
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, index) => window.startLine + index),
      'contiguous',
    );
  });

  test('a selection larger than the budget is cut from its start', () => {
    const text = numberedLines(1000);
    const window = windowText(text, { kind: 'selection', startLine: 100, endLine: 900 }, 2000);
    assert.equal(window.selectionCut, true);
    assert.equal(window.startLine, 100);
    assert.ok(window.endLine < 900);
  });

  test('R23: a file over 5 MB is windowed around the selection, never sent whole', () => {
    const text = numberedLines(200_000, (line) => `export const row${line} = "${'x'.repeat(20)}";`);
    assert.ok(text.length > 5 * 1024 * 1024);
    const window = windowText(text, { kind: 'selection', startLine: 150_000, endLine: 150_004 }, 100 * MAX_PIECE_CHARS);
    assert.equal(window.complete, false);
    assert.ok(window.startLine <= 150_000 && window.endLine >= 150_004);
    const kept = window.lines.reduce((sum, line) => sum + line.end - line.start, 0);
    assert.ok(kept <= MAX_PIECE_CHARS, `kept ${kept}`);
  });

  test('R24: a minified line is windowed by characters around the selection column', () => {
    const text = 'var a=1;'.repeat(250_000);
    const window = windowText(text, { kind: 'selection', startLine: 1, endLine: 1, startColumn: 1_000_000 }, 4000);
    assert.equal(window.lines.length, 1);
    const only = window.lines[0];
    assert.ok(only?.partial);
    assert.ok(only.start <= 1_000_000 && only.end > 1_000_000, `${only.start}-${only.end}`);
    assert.ok(only.end - only.start <= 4000);
  });

  test('R24: long lines away from the focus get a share, not the whole budget', () => {
    const lines = ['short', 'y'.repeat(50_000), 'focus line', 'z'.repeat(50_000), 'end'];
    const window = windowText(lines.join('\n'), { kind: 'cursor', startLine: 3, endLine: 3 }, 8000);
    assert.equal(window.startLine, 1);
    assert.equal(window.endLine, 5);
    assert.ok(window.lines.filter((line) => line.partial).length === 2);
  });

  test('CRLF line ends are not part of lines', () => {
    const text = 'a\r\nbb\r\nccc';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 3);
    assert.equal(text.slice(index.start(2), index.end(2)), 'bb');
    assert.equal(index.lineAt(text.indexOf('ccc')), 3);
  });

  test('an empty text is one empty line', () => {
    const window = windowText('', undefined, 100);
    assert.equal(window.totalLines, 1);
    assert.equal(window.complete, true);
  });
});
