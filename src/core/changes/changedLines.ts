import { normalizeRelativePath } from '../text';
import { type DiffFile } from './diffModel';
import { lowerBound } from '../sortedSearch';

/** How far from a changed line a finding may be and still be about the change. */
export const CHANGED_LINES_SLACK = 3;

/**
 * The changed lines of each file, in new-version numbers: added lines, and for removed lines the line
 * they were removed in front of. A review of changes reports only what is on or near them.
 */
export class ChangedLines {
  readonly #anchors = new Map<string, number[]>();

  constructor(files: readonly DiffFile[]) {
    for (const file of files) {
      const lines: number[] = [];
      for (const hunk of file.hunks)
        for (const line of hunk.lines) {
          if (line.kind === 'add') lines.push(line.newLine);
          else if (line.kind === 'del') lines.push(line.beforeLine);
        }
      this.#anchors.set(normalizeRelativePath(file.path), ascending(lines) ? lines : lines.sort((a, b) => a - b));
    }
  }

  /** Whether lines `line..endLine` of `path` are on a changed line or within the slack of one. */
  touches(path: string, line: number, endLine = line): boolean {
    const lines = this.#anchors.get(normalizeRelativePath(path));
    if (!lines || lines.length === 0) return false;
    const from = line - CHANGED_LINES_SLACK;
    const to = Math.max(line, endLine) + CHANGED_LINES_SLACK;
    const at = lowerBound(lines, from);
    return at < lines.length && (lines[at] ?? Infinity) <= to;
  }
}

/** Hunks come in order, so their lines nearly always do: sorting would only copy them. */
function ascending(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index++) if ((values[index] ?? 0) < (values[index - 1] ?? 0)) return false;
  return true;
}

/**
 * Splits findings into those about the change and the count of the others, which are left out: a review
 * of changes does not comment on untouched code as if it were new.
 */
export function keepFindingsOnChanges<
  F extends { readonly piece: { readonly matchPath: string }; readonly line: number; readonly endLine: number },
>(findings: readonly F[], changed: ChangedLines): { readonly kept: F[]; readonly outside: number } {
  const kept = findings.filter((finding) => changed.touches(finding.piece.matchPath, finding.line, finding.endLine));
  return { kept, outside: findings.length - kept.length };
}
