import { type Focus } from './attachment';
import { LineIndex } from './lineIndex';

/** One kept line: the [start, end) offsets of the kept text, which is the whole line unless `partial`. */
export interface WindowLine {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly partial: boolean;
}

export interface CodeWindow {
  readonly index: LineIndex;
  /** Contiguous kept lines, ascending. */
  readonly lines: readonly WindowLine[];
  readonly startLine: number;
  readonly endLine: number;
  readonly totalLines: number;
  /** Every line of the file, each whole. */
  readonly complete: boolean;
  /** A selection was given and did not fit whole. */
  readonly selectionCut: boolean;
}

/** No piece is ever sent bigger than this, whatever the model could take (RELIABILITY R23). */
export const MAX_PIECE_CHARS = 1_000_000;

/** Characters of a rendered line beyond its text: the line number, " | ", the newline. */
export function linePrefixWidth(totalLines: number): number {
  return String(totalLines).length + 3;
}

/**
 * Chooses the lines of `text` to send within `budgetChars` rendered characters (line numbers included):
 * the selection whole when it fits, then the lines around it, alternating below and above. Lines longer
 * than their share (minified code) are cut by characters around the focus column.
 */
export function windowText(text: string, focus: Focus | undefined, budgetChars: number, lineIndex?: LineIndex): CodeWindow {
  const index = lineIndex ?? new LineIndex(text);
  const total = index.lineCount;
  const prefix = linePrefixWidth(total) + 1;
  const budget = Math.max(0, Math.min(budgetChars, MAX_PIECE_CHARS));
  const result = (lines: WindowLine[], selectionCut: boolean): CodeWindow => {
    const sorted = lines.sort((a, b) => a.line - b.line);
    const complete = sorted.length === total && sorted.every((line) => !line.partial);
    // An empty window has no lines at all (endLine 0): no finding can be placed in it.
    return {
      index,
      lines: sorted,
      startLine: sorted[0]?.line ?? 1,
      endLine: sorted[sorted.length - 1]?.line ?? 0,
      totalLines: total,
      complete,
      selectionCut,
    };
  };

  if (text.length + total * prefix <= budget) {
    const lines: WindowLine[] = [];
    for (let line = 1; line <= total; line++) lines.push({ line, start: index.start(line), end: index.end(line), partial: false });
    return result(lines, false);
  }

  const first = clamp(focus?.startLine ?? 1, 1, total);
  const last = clamp(Math.max(focus?.endLine ?? first, first), first, total);
  const perLineCap = Math.max(200, Math.floor(budget / 8));
  let remaining = budget;
  const kept: WindowLine[] = [];

  /**
   * Keeps a line when the budget allows and reports whether it did. Only a line longer than its share
   * (`cap`) is cut by characters, or the first line when nothing else fits (`force`); an ordinary line
   * that does not fit ends the window on that side.
   */
  const keep = (line: number, cap: number, column: number, force = false): boolean => {
    const room = Math.min(cap, remaining - prefix);
    const start = index.start(line);
    const length = index.length(line);
    if (room < Math.min(20, length + 1)) return false;
    if (length > room && length <= cap && !force) return false;
    if (length <= room) {
      kept.push({ line, start, end: start + length, partial: false });
      remaining -= length + prefix;
      return true;
    }
    const from = Math.max(0, Math.min(column - Math.floor(room / 3), length - room));
    kept.push({ line, start: start + from, end: start + from + room, partial: true });
    remaining -= room + prefix;
    return true;
  };

  let selectionCut = false;
  let keptLast = first - 1;
  for (let line = first; line <= last; line++) {
    const column = line === first ? (focus?.startColumn ?? 0) : 0;
    if (!keep(line, remaining, column)) break;
    keptLast = line;
  }
  if (keptLast < first) keep(first, remaining, focus?.startColumn ?? 0, true);
  if (focus?.kind === 'selection' && keptLast < last) selectionCut = true;

  let above = first - 1;
  let below = Math.max(keptLast, first) + 1;
  let aboveOpen = above >= 1 && !selectionCut;
  let belowOpen = below <= total && !selectionCut;
  while ((aboveOpen || belowOpen) && remaining > prefix) {
    if (belowOpen) {
      if (keep(below, perLineCap, 0)) below++;
      else belowOpen = false;
      belowOpen &&= below <= total;
    }
    if (aboveOpen) {
      if (keep(above, perLineCap, 0)) above--;
      else aboveOpen = false;
      aboveOpen &&= above >= 1;
    }
  }
  return result(kept, selectionCut);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Exactly the lines [startLine, endLine] of a text (clamped to it), each cut to `maxLineChars` around
 * its start: what a tool read returns, as opposed to a budgeted window around a focus.
 */
export function rangeWindow(text: string, startLine: number, endLine: number, maxLineChars: number): CodeWindow {
  const index = new LineIndex(text);
  const total = index.lineCount;
  const first = clamp(startLine, 1, total);
  const last = clamp(endLine, first, total);
  const lines: WindowLine[] = [];
  for (let line = first; line <= last; line++) {
    const start = index.start(line);
    const length = index.length(line);
    lines.push({ line, start, end: start + Math.min(length, maxLineChars), partial: length > maxLineChars });
  }
  return {
    index,
    lines,
    startLine: first,
    endLine: last,
    totalLines: total,
    complete: first === 1 && last === total && lines.every((line) => !line.partial),
    selectionCut: false,
  };
}
