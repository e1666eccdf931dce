/** A run of 1-based lines, both ends included. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** The lines a finding (or anything with a first and last line) is on. */
export function linesOf(placed: { readonly line: number; readonly endLine: number }): LineRange {
  return { startLine: placed.line, endLine: placed.endLine };
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

/**
 * The union of several sources' shown lines, by resource key, each file's ranges sorted and merged when
 * they overlap or touch: a finding over an attachment and a tool read of the lines after it is inside one.
 */
export function unionShown(all: readonly ShownLines[]): ShownLines {
  const byKey = new Map<string, LineRange[]>();
  for (const shown of all)
    for (const [key, ranges] of shown) {
      const list = byKey.get(key) ?? [];
      list.push(...ranges);
      byKey.set(key, list);
    }
  return new Map([...byKey].map(([key, ranges]) => [key, mergedRanges(ranges)]));
}

function mergedRanges(ranges: readonly LineRange[]): LineRange[] {
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
