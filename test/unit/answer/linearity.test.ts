import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnswerStreamFilter } from '../../../src/core/answer/answerStreamFilter';
import { sanitizeLine, sanitizeMarkdown } from '../../../src/core/answer/sanitizeMarkdown';
import { missingDesignSections } from '../../../src/core/design/designDoc';
import { parseFindings, type ParsedFindings } from '../../../src/core/findings/parseFindings';
import { renderFindings } from '../../../src/core/findings/renderFindings';
import { samplePiece } from '../support/helpers';
import { BACKTRACKING_INPUTS } from '../support/modelOutputCorpus';

/**
 * Linear work, shown by growth rather than by a time limit: one pass over the pattern at 100 KB against
 * 100 passes over the same pattern at 1 KB, the same amount of text. Linear code takes about as long
 * for both, quadratic code 100× longer for the large input, exponential code does not finish. The check
 * allows 10× (plus a millisecond for timer resolution): wide enough for garbage collection and a busy
 * machine, far below what a quadratic reader needs. Each is the best of three runs.
 */
const GROWTH = 100;
const SLACK = 10;
const RESOLUTION_MS = 1;
const SEED = Number(process.env['FC_SEED'] ?? 20261126);

const piece = samplePiece;

function streamed(text: string, chunk: number): string {
  const filter = new AnswerStreamFilter();
  let out = '';
  for (let at = 0; at < text.length; at += chunk) out += filter.push(text.slice(at, at + chunk));
  return out + filter.end().rest;
}

function findingsWith(text: string): ParsedFindings {
  const finding = { piece, line: 1, endLine: 1, severity: 'high' as const, rule: text, title: text };
  return { blockFound: true, findings: [finding], dropped: [text], unshown: 0 };
}

/** Every function that reads model output, on one input. */
const READERS: ReadonlyArray<{ readonly name: string; readonly read: (text: string, chunk: number) => unknown }> = [
  { name: 'sanitizeLine', read: (text) => sanitizeLine(text) },
  { name: 'sanitizeMarkdown', read: (text) => sanitizeMarkdown(text) },
  { name: 'AnswerStreamFilter', read: (text, chunk) => streamed(text, chunk) },
  { name: 'missingDesignSections', read: (text) => missingDesignSections(text) },
  { name: 'parseFindings', read: (text) => parseFindings(text, [piece]) },
  { name: 'renderFindings cells', read: (text) => renderFindings(findingsWith(text)) },
];

/** CPU time, not wall time: other processes on a busy machine do not count. */
function bestOf(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Undefined when every reader grows linearly from `small` to `large`; else what grew too fast. */
function superLinear(small: string, large: string, chunk: number): string | undefined {
  for (const reader of READERS) {
    reader.read(small, chunk);
    const smallMs = bestOf(3, () => {
      for (let pass = 0; pass < GROWTH; pass++) reader.read(small, chunk);
    });
    const largeMs = bestOf(3, () => reader.read(large, chunk));
    if (largeMs > SLACK * smallMs + RESOLUTION_MS) {
      return `${reader.name}: ${GROWTH}× ${small.length} chars in ${smallMs.toFixed(2)} ms, ${large.length} in ${largeMs.toFixed(2)} ms`;
    }
  }
  return undefined;
}

describe('R33 every function that reads model output is linear', () => {
  for (const input of BACKTRACKING_INPUTS) {
    test(`R33 ${input.name}`, () => {
      const chunk = input.chunk ?? 64;
      // The reported input itself, once through every reader...
      for (const reader of READERS) reader.read(input.exact, chunk);
      // ...and the same pattern at 1 KB and 100 KB (4 KB and 400 KB when streamed in small chunks).
      const base = input.chunk === undefined ? 1_000 : 4_000;
      assert.equal(superLinear(input.build(base), input.build(base * GROWTH), chunk), undefined);
    });
  }

  test('R33 generated lines of markdown punctuation and white space, up to 100 KB, are read in linear time', () => {
    const piece = fc.constantFrom(
      '-',
      ' ',
      '\t',
      '#',
      '[',
      ']',
      '(',
      ')',
      '!',
      '`',
      '<',
      '>',
      '*',
      '_',
      '\\',
      '&',
      ':',
      '\n',
      '\r',
      '|',
      '~',
      '$',
      'x',
      '1.',
      '"',
      "'",
    );
    const pattern = fc.record({
      head: fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
      unit: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
      tail: fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
      chunk: fc.constantFrom(1, 4, 64, 4096),
    });
    fc.assert(
      fc.property(pattern, ({ head, unit, tail, chunk }) => {
        const build = (size: number) => head + unit.repeat(Math.ceil(size / unit.length)) + tail;
        const problem = superLinear(build(1_000), build(100_000), chunk);
        if (problem !== undefined)
          throw new Error(`${JSON.stringify(head)} + ${JSON.stringify(unit)}× + ${JSON.stringify(tail)}: ${problem}`);
        return true;
      }),
      { seed: SEED, numRuns: Number(process.env['FC_LINEAR_RUNS'] ?? 25) },
    );
  });
});
