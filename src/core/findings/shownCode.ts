import { normalizeForMatch } from './evidence';
import { type LineRange } from './shownLines';
import { lowerBound } from '../sortedSearch';

/** A file's lines as the edge reads them: 1-based; undefined past the end. */
export interface FileLines {
  readonly lineCount: number;
  lineAt(line: number): string | undefined;
}

/** Where an excerpt was found: the lines of its first and last character. */
export type Occurrence = LineRange;

// Between two shown ranges: a whitespace character, which no normalized pattern holds, so a match can
// never join the end of one range to the start of the next.
const RANGE_BREAK = '\n';

/**
 * The shown lines of one file as one normalized text (whitespace out, hidden characters as markers), and
 * where each line starts in it, so that an offset found by a search maps back to a line. Built once per
 * file, in one pass over its shown lines.
 */
export class ShownCode {
  /** Offsets in `text` where each shown line starts, ascending. */
  readonly #starts: readonly number[];
  /** The line number of each entry of `starts`. */
  readonly #lines: readonly number[];

  private constructor(
    readonly text: string,
    starts: readonly number[],
    lines: readonly number[],
  ) {
    this.#starts = starts;
    this.#lines = lines;
  }

  static of(ranges: readonly LineRange[], file: FileLines): ShownCode {
    const parts: string[] = [];
    const starts: number[] = [];
    const lines: number[] = [];
    let length = 0;
    for (const range of ranges) {
      if (parts.length > 0) {
        parts.push(RANGE_BREAK);
        length += RANGE_BREAK.length;
      }
      for (let line = Math.max(1, range.startLine); line <= Math.min(range.endLine, file.lineCount); line++) {
        const text = normalizeForMatch(file.lineAt(line) ?? '');
        starts.push(length);
        lines.push(line);
        parts.push(text);
        length += text.length;
      }
    }
    return new ShownCode(parts.join(''), starts, lines);
  }

  /** The offsets `[from, to)` of lines `range` in `text` (empty when none of them is shown). */
  span(range: LineRange): { readonly from: number; readonly to: number } {
    const first = lowerBound(this.#lines, range.startLine);
    const after = lowerBound(this.#lines, range.endLine + 1);
    if (first >= after) return { from: 0, to: 0 };
    return { from: this.#starts[first] ?? 0, to: this.#starts[after] ?? this.text.length };
  }

  /** The lines of the match `[start, start + length)`. */
  occurrence(start: number, length: number): Occurrence {
    return { startLine: this.#lineOf(start), endLine: this.#lineOf(start + length - 1) };
  }

  #lineOf(offset: number): number {
    // The last line starting at or before the offset: blank lines before it start at the same offset.
    const index = lowerBound(this.#starts, offset + 1) - 1;
    return this.#lines[Math.max(0, index)] ?? 0;
  }
}

/**
 * Every start offset of `pattern` in `text[from, to)`, by Knuth–Morris–Pratt: each character of the text
 * is compared a bounded number of times (at most twice, amortized), so the cost is O((to − from) +
 * pattern) whatever both hold; a model's evidence is never turned into a regular expression. `visit`
 * returns true to stop. Returns the character comparisons made, which tests count and callers log.
 */
export function searchAll(text: string, pattern: string, from: number, to: number, visit: (start: number) => boolean): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const failure = failureTable(pattern);
  let matched = 0;
  let steps = 0;
  for (let index = from; index < to; index++) {
    const char = text.charCodeAt(index);
    steps++;
    while (matched > 0 && pattern.charCodeAt(matched) !== char) {
      matched = failure[matched - 1] ?? 0;
      steps++;
    }
    if (pattern.charCodeAt(matched) === char) matched++;
    if (matched === m) {
      if (visit(index - m + 1)) return steps;
      matched = failure[m - 1] ?? 0;
    }
  }
  return steps;
}

/** failure[i]: the length of the longest proper prefix of pattern[0..i] that is also its suffix. */
function failureTable(pattern: string): Int32Array {
  const failure = new Int32Array(pattern.length);
  let length = 0;
  for (let index = 1; index < pattern.length; index++) {
    const char = pattern.charCodeAt(index);
    while (length > 0 && pattern.charCodeAt(length) !== char) length = failure[length - 1] ?? 0;
    if (pattern.charCodeAt(length) === char) length++;
    failure[index] = length;
  }
  return failure;
}
