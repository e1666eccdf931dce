import { type SentPiece } from '../request/plan';
import { type LineRange, type ShownLines } from './shownLines';

/**
 * What the model was shown in one answer, by resource key: each sent piece's lines (attached windows,
 * tool reads) or, for a file of a review of changes, the lines of the hunks sent, which are finer than
 * the piece (a piece runs from the first hunk to the last). Overlapping and adjacent ranges of a file are
 * merged, so a finding over an attachment and a tool read of the lines after it is still inside one.
 */
export function shownLinesOf(sent: readonly SentPiece[], hunks: ShownLines = new Map()): ShownLines {
  const byKey = new Map<string, LineRange[]>();
  for (const piece of sent) {
    const ranges = byKey.get(piece.key) ?? [];
    if (!piece.viaTool && hunks.has(piece.key)) ranges.push(...(hunks.get(piece.key) ?? []));
    else ranges.push({ startLine: piece.startLine, endLine: piece.endLine });
    byKey.set(piece.key, ranges);
  }
  return new Map([...byKey].map(([key, ranges]) => [key, merged(ranges)]));
}

function merged(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine);
  const out: LineRange[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.startLine <= last.endLine + 1)
      out[out.length - 1] = { startLine: last.startLine, endLine: Math.max(last.endLine, range.endLine) };
    else out.push({ startLine: range.startLine, endLine: range.endLine });
  }
  return out;
}
