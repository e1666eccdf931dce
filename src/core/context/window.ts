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
  const window = windowState(lineIndex ?? new LineIndex(text), Math.max(0, Math.min(budgetChars, MAX_PIECE_CHARS)));
  if (text.length + window.total * window.prefix <= window.remaining) return everything(window);
  const first = clamp(focus?.startLine ?? 1, 1, window.total);
  const last = clamp(Math.max(focus?.endLine ?? first, first), first, window.total);
  const keptLast = keepFocus(window, first, last, focus?.startColumn ?? 0);
  const selectionCut = focus?.kind === 'selection' && keptLast < last;
  if (!selectionCut) growAround(window, first - 1, Math.max(keptLast, first) + 1);
  return windowResult(window, selectionCut);
}

/** The lines kept so far and the budget left: one window being chosen. */
interface WindowState {
  readonly index: LineIndex;
  readonly total: number;
  /** Characters of a rendered line beyond its text. */
  readonly prefix: number;
  /** The share of the budget an ordinary line may take before it is cut by characters. */
  readonly perLineCap: number;
  readonly kept: WindowLine[];
  remaining: number;
}

function windowState(index: LineIndex, budget: number): WindowState {
  const total = index.lineCount;
  return {
    index,
    total,
    prefix: linePrefixWidth(total) + 1,
    perLineCap: Math.max(200, Math.floor(budget / 8)),
    kept: [],
    remaining: budget,
  };
}

/** Every line, whole: the file fits. */
function everything(window: WindowState): CodeWindow {
  const { index, kept } = window;
  for (let line = 1; line <= window.total; line++) kept.push({ line, start: index.start(line), end: index.end(line), partial: false });
  return windowResult(window, false);
}

function windowResult(window: WindowState, selectionCut: boolean): CodeWindow {
  return windowOf(
    window.index,
    window.kept.sort((a, b) => a.line - b.line),
    selectionCut,
  );
}

/**
 * Keeps a line when the budget allows and reports whether it did. Only a line longer than its share
 * (`cap`) is cut by characters, or the first line when nothing else fits (`force`); an ordinary line
 * that does not fit ends the window on that side.
 */
function keep(window: WindowState, line: number, cap: number, column: number, force = false): boolean {
  const { index, prefix } = window;
  const room = Math.min(cap, window.remaining - prefix);
  const start = index.start(line);
  const length = index.length(line);
  if (room < Math.min(20, length + 1)) return false;
  if (length > room && length <= cap && !force) return false;
  if (length <= room) {
    window.kept.push({ line, start, end: start + length, partial: false });
    window.remaining -= length + prefix;
    return true;
  }
  const from = Math.max(0, Math.min(column - Math.floor(room / 3), length - room));
  window.kept.push({ line, start: start + from, end: start + from + room, partial: true });
  window.remaining -= room + prefix;
  return true;
}

/** Keeps the focus lines from the first on while they fit (the first one at least); returns the last kept. */
function keepFocus(window: WindowState, first: number, last: number, startColumn: number): number {
  let keptLast = first - 1;
  for (let line = first; line <= last; line++) {
    if (!keep(window, line, window.remaining, line === first ? startColumn : 0)) break;
    keptLast = line;
  }
  if (keptLast < first) keep(window, first, window.remaining, startColumn, true);
  return keptLast;
}

/** Adds lines below and above the focus, alternating, until the budget or the file runs out. */
function growAround(window: WindowState, startAbove: number, startBelow: number): void {
  let above = startAbove;
  let below = startBelow;
  let aboveOpen = above >= 1;
  let belowOpen = below <= window.total;
  while ((aboveOpen || belowOpen) && window.remaining > window.prefix) {
    if (belowOpen) {
      if (keep(window, below, window.perLineCap, 0)) below++;
      else belowOpen = false;
      belowOpen &&= below <= window.total;
    }
    if (aboveOpen) {
      if (keep(window, above, window.perLineCap, 0)) above--;
      else aboveOpen = false;
      aboveOpen &&= above >= 1;
    }
  }
}

/** A window of contiguous lines, ascending. An empty one has no lines at all (endLine 0): no finding can be placed in it. */
function windowOf(index: LineIndex, lines: readonly WindowLine[], selectionCut: boolean): CodeWindow {
  return {
    index,
    lines,
    startLine: lines[0]?.line ?? 1,
    endLine: lines.at(-1)?.line ?? 0,
    totalLines: index.lineCount,
    complete: lines.length === index.lineCount && lines.every((line) => !line.partial),
    selectionCut,
  };
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
  return windowOf(index, lines, false);
}
