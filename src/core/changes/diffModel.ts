/** A changed file as plain data, whatever produced it (a unified diff, or an untracked file read whole). */

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

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

/**
 * A line of a changed file (either version) that holds part of a private key, found in the whole file:
 * `start`–`end` is the part of the line that is key, `block` tells the keys of a file apart.
 */
export interface KeyLine {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly block: number;
}

export interface DiffFile {
  /** Repository-relative path in the new version (the old path for a deleted file). */
  readonly path: string;
  /** Set for a renamed or copied file: its path before, or the file it was copied from. */
  readonly oldPath?: string;
  /**
   * `path` and `oldPath` relative to their own workspace folder, as `architect.exclude` is matched (in a
   * multi-root workspace `path` starts with the folder's name). Unset, the paths themselves are matched.
   */
  readonly matchPath?: string;
  readonly oldMatchPath?: string;
  /**
   * The lines of the file's whole text, old and new, that are part of a private key: a hunk next to a
   * key, or inside one, shows lines the hunk alone does not tell apart from other Base64 (its BEGIN line
   * is outside it). Set by the reader when the hunks could show part of a key.
   */
  readonly keyLines?: readonly KeyLine[];
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
