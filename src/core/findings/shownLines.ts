/** A run of 1-based lines, both ends included. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * What the model was shown of each file in one answer, by resource key: the attached windows, the diff's
 * hunks, related code and what tools read. Findings are grounded against it, a new review replaces only
 * the findings on these lines, and a quick fix may replace only lines inside it.
 */
export type ShownLines = ReadonlyMap<string, readonly LineRange[]>;

/** Whether every line of `range` lies inside one shown range of `key`. */
export function isShown(shown: ShownLines, key: string, range: LineRange): boolean {
  return (shown.get(key) ?? []).some((piece) => piece.startLine <= range.startLine && range.endLine <= piece.endLine);
}
