import { type DiffFile, type DiffHunk, type DiffLine, hunkRange } from './diffModel';

/** What is sent of one changed file: the hunks that fit, and what was left out of it. */
export interface FittedFile {
  /** The file with only the hunks that are sent; the last one may be a head of its hunk (`partial`). */
  readonly file: DiffFile;
  readonly totalHunks: number;
  /** New-version ranges of the hunks that were not sent. */
  readonly leftOut: ReadonlyArray<{ readonly from: number; readonly to: number }>;
  /** Set when the last hunk sent is only its first lines: the new-version lines it covers in full. */
  readonly partial?: { readonly from: number; readonly to: number };
}

export interface FittedDiff {
  readonly files: readonly FittedFile[];
  /** Files with nothing sent at all, because nothing of them fitted. */
  readonly cutFiles: readonly DiffFile[];
}

/** Characters of a file's header beyond its path, counted generously. */
export const FILE_HEADER_CHARS = 400;
/** A head of a hunk is worth sending only if it shows at least this many lines. */
const MIN_PARTIAL_LINES = 8;

/** The width of the line-number column of a file's rendered hunks. */
export function numberWidth(hunks: readonly DiffHunk[]): number {
  let largest = 1;
  for (const hunk of hunks) largest = Math.max(largest, hunkRange(hunk).to);
  return String(largest).length;
}

/** Rendered characters of one line: number column, marker, text, line break. */
function lineCost(line: DiffLine, width: number): number {
  return width + 4 + line.text.length;
}

export function hunkCost(hunk: DiffHunk, width: number): number {
  let cost = 2 + width;
  for (const line of hunk.lines) cost += lineCost(line, width);
  return cost;
}

/**
 * Fits changed files into `budgetChars` rendered characters. Whole hunks first, in the order of the
 * diff, skipping any that does not fit and trying the next; then, with what is left, the first lines
 * of the first hunk that was skipped. Files of which nothing fits are returned as cut, to be named.
 */
export function fitDiff(files: readonly DiffFile[], budgetChars: number): FittedDiff {
  let remaining = budgetChars;
  const kept = files.map(() => [] as DiffHunk[]);
  let firstSkipped: { fileIndex: number; hunk: DiffHunk } | undefined;
  files.forEach((file, fileIndex) => {
    const width = numberWidth(file.hunks);
    const headerCost = FILE_HEADER_CHARS + file.path.length + (file.oldPath?.length ?? 0);
    for (const hunk of file.hunks) {
      const cost = hunkCost(hunk, width) + (kept[fileIndex]?.length === 0 ? headerCost : 0);
      if (cost <= remaining) {
        kept[fileIndex]?.push(hunk);
        remaining -= cost;
      } else firstSkipped ??= { fileIndex, hunk };
    }
  });
  let partial: { fileIndex: number; hunk: DiffHunk; whole: DiffHunk } | undefined;
  if (firstSkipped) {
    const { fileIndex, hunk } = firstSkipped;
    const file = files[fileIndex] as DiffFile;
    const head = headOfHunk(
      hunk,
      numberWidth(file.hunks),
      remaining - (kept[fileIndex]?.length === 0 ? FILE_HEADER_CHARS + file.path.length : 0),
    );
    if (head) partial = { fileIndex, hunk: head, whole: hunk };
  }
  return assemble(files, kept, partial);
}

function assemble(
  files: readonly DiffFile[],
  kept: DiffHunk[][],
  partial: { fileIndex: number; hunk: DiffHunk; whole: DiffHunk } | undefined,
): FittedDiff {
  const fitted: FittedFile[] = [];
  const cutFiles: DiffFile[] = [];
  files.forEach((file, fileIndex) => {
    const sent = kept[fileIndex] ?? [];
    const head = partial?.fileIndex === fileIndex ? partial : undefined;
    const hunks = head ? [...sent, head.hunk].sort((a, b) => a.newStart - b.newStart) : sent;
    if (hunks.length === 0 && file.hunks.length > 0) {
      cutFiles.push(file);
      return;
    }
    fitted.push({
      file: { ...file, hunks },
      totalHunks: file.hunks.length,
      leftOut: file.hunks.filter((hunk) => !sent.includes(hunk)).map(hunkRange),
      ...(head ? { partial: hunkRange(head.whole) } : {}),
    });
  });
  return { files: fitted, cutFiles };
}

/** The first lines of a hunk that fit in `budget` characters, or undefined when too few fit. */
function headOfHunk(hunk: DiffHunk, width: number, budget: number): DiffHunk | undefined {
  let room = budget - 2 - width;
  let count = 0;
  for (const line of hunk.lines) {
    const cost = lineCost(line, width);
    if (cost > room) break;
    room -= cost;
    count++;
  }
  if (count < MIN_PARTIAL_LINES) return undefined;
  const lines = hunk.lines.slice(0, count);
  const newLines = lines.filter((line) => line.kind !== 'del').length;
  const oldLines = lines.filter((line) => line.kind !== 'add').length;
  return { ...hunk, lines, newLines, oldLines };
}
