import { type SentPiece } from '../request/plan';
import { type LineRange, type ShownLines } from './shownLines';

/**
 * What the model was shown of each file, from the pieces sent (attachments, what tools read) and, for a
 * review of changes, the lines of the hunks sent (`hunks`, by resource key), which replace their file's
 * one covering piece: a diff shows its hunks, not the lines between them.
 */
export function shownLinesOf(sent: readonly SentPiece[], hunks?: ShownLines): ShownLines {
  const shown = new Map<string, LineRange[]>();
  for (const piece of sent) {
    const ranges = hunks?.get(piece.key) ?? [{ startLine: piece.startLine, endLine: piece.endLine }];
    const known = shown.get(piece.key) ?? [];
    shown.set(piece.key, [...known, ...ranges.filter((range) => !known.some((other) => sameRange(other, range)))]);
  }
  return shown;
}

function sameRange(a: LineRange, b: LineRange): boolean {
  return a.startLine === b.startLine && a.endLine === b.endLine;
}
