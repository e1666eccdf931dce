import { type LineRange } from './shownLines';

/** One edit of a document: the replaced range in 0-based positions of the text before it, and what went in. */
export interface LineEdit {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly insertedText: string;
}

/**
 * Where a finding's lines (1-based) are after an edit: unchanged by an edit below them, moved by the
 * lines added or removed above them, or `touched` when the edit reached into them; then whether they
 * still read as at review time must be looked at, at the candidate ranges (the lines where they were,
 * and the same lines grown or shrunk by the edit).
 */
export type TrackedLines =
  { readonly kind: 'same' | 'moved'; readonly range: LineRange } | { readonly kind: 'touched'; readonly candidates: readonly LineRange[] };

export function trackLines(range: LineRange, edit: LineEdit): TrackedLines {
  const first = range.startLine - 1;
  const last = range.endLine - 1;
  const breaks = lineBreaks(edit.insertedText);
  const delta = breaks - (edit.endLine - edit.startLine);
  if (edit.startLine > last) return { kind: 'same', range };
  if (edit.endLine < first || endsAtStartOf(first, edit)) {
    return delta === 0 ? { kind: 'same', range } : { kind: 'moved', range: shifted(range, delta) };
  }
  const resized = { startLine: range.startLine, endLine: Math.max(range.startLine, range.endLine + delta) };
  return { kind: 'touched', candidates: delta === 0 ? [range] : [range, resized] };
}

/** The edit stops right before the line and leaves it whole: what precedes it still ends in a line break. */
function endsAtStartOf(line: number, edit: LineEdit): boolean {
  if (edit.endLine !== line || edit.endCharacter !== 0) return false;
  if (edit.insertedText === '') return edit.startCharacter === 0;
  return edit.insertedText.endsWith('\n');
}

function shifted(range: LineRange, delta: number): LineRange {
  return { startLine: range.startLine + delta, endLine: range.endLine + delta };
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
