import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/context/lineIndex';

/** The same answers, the slow way: split the text into its lines (a "\r" ends a line only before "\n"). */
function reference(text: string) {
  const raw = text.split('\n');
  const lines = raw.map((line, index) => (index < raw.length - 1 ? line.replace(/\r$/, '') : line));
  const starts: number[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    starts.push(at);
    at += raw.length + 1;
  }
  return { lines, starts };
}

describe('line index', () => {
  test('starts, ends and lengths agree with splitting the text, across the growth of its table', () => {
    const line = fc.stringMatching(/^[a-z \r]{0,6}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 3000 }), (parts) => {
        const text = parts.join('\n');
        const index = new LineIndex(text);
        const { lines, starts } = reference(text);
        assert.equal(index.lineCount, lines.length);
        for (let number = 1; number <= lines.length; number++) {
          assert.equal(index.start(number), starts[number - 1]);
          assert.equal(text.slice(index.start(number), index.end(number)), lines[number - 1]);
          assert.equal(index.lineAt(index.start(number)), number);
        }
        assert.equal(index.start(lines.length + 1), text.length);
        assert.equal(index.end(lines.length + 1), text.length);
      }),
      { numRuns: 60 },
    );
  });

  test('an empty text has one empty line', () => {
    const index = new LineIndex('');
    assert.equal(index.lineCount, 1);
    assert.equal(index.length(1), 0);
    assert.equal(index.lineAt(0), 1);
  });
});
