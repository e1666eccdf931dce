import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnswerStreamFilter } from '../../../src/core/answer/answerStreamFilter';
import { sanitizeLine, sanitizeMarkdown } from '../../../src/core/answer/sanitizeMarkdown';
import { parseFindings } from '../../../src/core/findings/parseFindings';
import { renderFindings } from '../../../src/core/findings/renderFindings';
import { samplePiece } from '../support/helpers';
import { liveContent } from '../support/markdownOracle';
import { BACKTRACKING_INPUTS, BYPASS_INPUTS } from '../support/modelOutputCorpus';

const SEED = Number(process.env['FC_SEED'] ?? 20261126);
const RUNS = Number(process.env['FC_RUNS'] ?? 2000);

function stream(chunks: readonly string[]): string {
  const filter = new AnswerStreamFilter();
  const shown = chunks.map((chunk) => filter.push(chunk)).join('');
  return shown + filter.end().rest;
}

/** `text` cut at the given sizes, used in turn. */
function chunked(text: string, sizes: readonly number[]): string[] {
  const chunks: string[] = [];
  for (let at = 0, index = 0; at < text.length; index++) {
    const size = sizes[index % sizes.length] ?? 1;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 16 });

const piece = samplePiece;

function findingsTable(title: string): string {
  const parsed = parseFindings(JSON.stringify([{ line: 3, severity: 'high', rule: title.slice(0, 40), title: title.slice(0, 300) }]), [
    piece,
  ]);
  assert.equal(parsed.findings.length, 1, title);
  return renderFindings(parsed);
}

describe('R34 the sanitizer holds against inputs built to get past it', () => {
  for (const input of BYPASS_INPUTS) {
    test(`R34 ${input.name}: inert in the chat stream and in a saved design doc`, () => {
      const whole = sanitizeMarkdown(input.text);
      assert.deepEqual(liveContent(whole), [], whole);
      assert.deepEqual(liveContent(stream([input.text])), []);
    });
  }

  for (const input of BYPASS_INPUTS) {
    test(`R34 ${input.name}: inert in a findings-table cell`, () => {
      const table = findingsTable(input.text);
      assert.deepEqual(liveContent(table), [], table);
    });
  }

  test('R34 a fence inside an indented list item is inert for every chunking of the stream', () => {
    const text = BYPASS_INPUTS.find((input) => input.name === 'a fence inside an indented list item')?.text ?? '';
    fc.assert(
      fc.property(chunkSizes, (sizes) => liveContent(stream(chunked(text, sizes))).length === 0),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('R34 a code span cut by the width of a findings cell does not set an image free', () => {
    // 201 characters: cutting the cell at 200 removes only the closing backtick.
    const title = 'a'.repeat(170) + ' `![x](https://evil.example/x)`';
    assert.equal(title.length, 201);
    assert.deepEqual(liveContent(findingsTable(title)), []);
  });

  test('R34 notes shown above an answer are sanitized like cells', () => {
    assert.deepEqual(liveContent(`> ${sanitizeLine('[x](&#99;ommand:x) <img src="https://evil.example/a">')}`), []);
  });
});

describe('R34 the stream filter decides on the same text as the whole-text sanitizer', () => {
  const fragment = fc.oneof(
    fc.constantFrom(...BYPASS_INPUTS.map((input) => input.text)),
    fc.constantFrom(...BACKTRACKING_INPUTS.map((input) => input.build(200))),
    fc.constantFrom(
      '```ts\nconst a: Array<T> = [];\n```\n',
      '~~~\n![k](https://e.x/a.png)\n~~~\n',
      '`<T>` and `![k](https://e.x)`',
      '\r\n',
      '\r',
      '\n',
    ),
    fc
      .array(
        fc.constantFrom(
          '!',
          '[',
          ']',
          '(',
          ')',
          '<',
          '>',
          '`',
          '\\',
          '&#99;',
          ':',
          ' ',
          '\t',
          '-',
          '>',
          '\n',
          '\r',
          'x',
          '~',
          '|',
          'command',
          'https',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join('')),
  );
  const answer = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));

  test('R34 for random chunkings, the concatenated stream output equals sanitizeMarkdown of the whole text', () => {
    fc.assert(
      fc.property(answer, chunkSizes, (text, sizes) => {
        if (text.includes('architect-findings')) return true;
        return stream(chunked(text, sizes)) === sanitizeMarkdown(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('R34 whatever the answer, markdown-it renders nothing live from the sanitized text', () => {
    fc.assert(
      fc.property(answer, (text) => {
        const live = liveContent(sanitizeMarkdown(text));
        if (live.length > 0) throw new Error(`${JSON.stringify(text)} → ${live.join(', ')}`);
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('what the sanitizer keeps', () => {
  test('ordinary links, web autolinks, code spans and fenced code stay as written', () => {
    const text =
      'Use `Array<T>` and `![k](https://e.x)` here.\n\nSee [docs](https://example.com/a) and <https://example.com/b>.\n```ts\nconst a: Array<T> = [];\n```\n';
    assert.equal(sanitizeMarkdown(text), text);
  });

  test('CRLF and CR line endings are kept', () => {
    assert.equal(sanitizeMarkdown('a\r\nb\rc\n'), 'a\r\nb\rc\n');
  });
});
