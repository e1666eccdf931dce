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
  const window = new WindowBuilder(lineIndex ?? new LineIndex(text), Math.max(0, Math.min(budgetChars, MAX_PIECE_CHARS)));
  if (text.length + window.total * window.prefix <= window.remaining) return window.everything();
  const first = clamp(focus?.startLine ?? 1, 1, window.total);
  const last = clamp(Math.max(focus?.endLine ?? first, first), first, window.total);
  const keptLast = window.keepFocus(first, last, focus?.startColumn ?? 0);
  const selectionCut = focus?.kind === 'selection' && keptLast < last;
  if (!selectionCut) window.growAround(first - 1, Math.max(keptLast, first) + 1);
  return window.result(selectionCut);
}

/** The lines kept so far and the budget left: one window being chosen. */
class WindowBuilder {
  readonly total: number;
  /** Characters of a rendered line beyond its text. */
  readonly prefix: number;
  private readonly perLineCap: number;
  private readonly kept: WindowLine[] = [];

  constructor(
    private readonly index: LineIndex,
    public remaining: number,
  ) {
    this.total = index.lineCount;
    this.prefix = linePrefixWidth(this.total) + 1;
    this.perLineCap = Math.max(200, Math.floor(remaining / 8));
  }

  everything(): CodeWindow {
    for (let line = 1; line <= this.total; line++) {
      this.kept.push({ line, start: this.index.start(line), end: this.index.end(line), partial: false });
    }
    return this.result(false);
  }

  /** Keeps the focus lines from the first on while they fit (the first one at least); returns the last kept. */
  keepFocus(first: number, last: number, startColumn: number): number {
    let keptLast = first - 1;
    for (let line = first; line <= last; line++) {
      if (!this.keep(line, this.remaining, line === first ? startColumn : 0)) break;
      keptLast = line;
    }
    if (keptLast < first) this.keep(first, this.remaining, startColumn, true);
    return keptLast;
  }

  /** Adds lines below and above the focus, alternating, until the budget or the file runs out. */
  growAround(startAbove: number, startBelow: number): void {
    let above = startAbove;
    let below = startBelow;
    let aboveOpen = above >= 1;
    let belowOpen = below <= this.total;
    while ((aboveOpen || belowOpen) && this.remaining > this.prefix) {
      if (belowOpen) {
        if (this.keep(below, this.perLineCap, 0)) below++;
        else belowOpen = false;
        belowOpen &&= below <= this.total;
      }
      if (aboveOpen) {
        if (this.keep(above, this.perLineCap, 0)) above--;
        else aboveOpen = false;
        aboveOpen &&= above >= 1;
      }
    }
  }

  /**
   * Keeps a line when the budget allows and reports whether it did. Only a line longer than its share
   * (`cap`) is cut by characters, or the first line when nothing else fits (`force`); an ordinary line
   * that does not fit ends the window on that side.
   */
  private keep(line: number, cap: number, column: number, force = false): boolean {
    const room = Math.min(cap, this.remaining - this.prefix);
    const start = this.index.start(line);
    const length = this.index.length(line);
    if (room < Math.min(20, length + 1)) return false;
    if (length > room && length <= cap && !force) return false;
    if (length <= room) {
      this.kept.push({ line, start, end: start + length, partial: false });
      this.remaining -= length + this.prefix;
      return true;
    }
    const from = Math.max(0, Math.min(column - Math.floor(room / 3), length - room));
    this.kept.push({ line, start: start + from, end: start + from + room, partial: true });
    this.remaining -= room + this.prefix;
    return true;
  }

  result(selectionCut: boolean): CodeWindow {
    const sorted = this.kept.sort((a, b) => a.line - b.line);
    const complete = sorted.length === this.total && sorted.every((line) => !line.partial);
    // An empty window has no lines at all (endLine 0): no finding can be placed in it.
    return {
      index: this.index,
      lines: sorted,
      startLine: sorted[0]?.line ?? 1,
      endLine: sorted[sorted.length - 1]?.line ?? 0,
      totalLines: this.total,
      complete,
      selectionCut,
    };
  }
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
