/** A changed file as plain data, whatever produced it (a unified diff, or an untracked file read whole). */

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

/**
 * One line of a hunk. Added and unchanged lines carry their number in the new version of the file;
 * removed lines carry `beforeLine`, the new-version line they were removed in front of, so a finding
 * about a deletion can still be placed near it.
 */
export type DiffLine =
  | { readonly kind: 'context'; readonly newLine: number; readonly text: string }
  | { readonly kind: 'add'; readonly newLine: number; readonly text: string }
  | { readonly kind: 'del'; readonly beforeLine: number; readonly text: string };

export interface DiffHunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly DiffLine[];
}

export interface DiffFile {
  /** Repository-relative path in the new version (the old path for a deleted file). */
  readonly path: string;
  /** Set for a renamed file: its path before. */
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  readonly binary: boolean;
  readonly hunks: readonly DiffHunk[];
  readonly added: number;
  readonly removed: number;
}

/** The new-version lines a hunk covers, e.g. 10–18; an empty range (only deletions) is its start. */
export function hunkRange(hunk: DiffHunk): { readonly from: number; readonly to: number } {
  return { from: hunk.newStart, to: Math.max(hunk.newStart, hunk.newStart + hunk.newLines - 1) };
}
