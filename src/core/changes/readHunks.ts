import { type DiffHunk, type DiffLine } from './diffModel';

/**
 * parse-diff's hunk header pattern, `-(\d+),?(\d+)?`, tries every split of a run of digits between its
 * two groups when the rest fails: quadratic in a long run. The comma made part of the optional group
 * matches the same lines with the same groups, since a match without a comma takes all the digits.
 */
const HUNK_HEADER = /^@@\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s@@/;
const NO_NEWLINE = '\\ No newline at end of file';
/** Header lines with which parse-diff starts another file, once this one has hunks. */
const NEXT_FILE = [
  /^diff\s/,
  /^new file mode (\d+)$/,
  /^deleted file mode (\d+)$/,
  /^old mode (\d+)$/,
  /^new mode (\d+)$/,
  /^index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(\s(\d+))?$/,
  /^---\s/,
  /^\+\+\+\s/,
];

const MINUS = 45;
const PLUS = 43;
const BACKSLASH = 92;
const CR = 13;

interface OpenHunk {
  readonly lines: DiffLine[];
  oldLeft: number;
  newLeft: number;
  nextNew: number;
}

/** Offset of the first line of `section` that is a hunk header, or -1. */
export function firstHunkHeader(section: string): number {
  for (let start = 0; start < section.length;) {
    const end = lineEnd(section, start);
    if (section.startsWith('@@', start) && HUNK_HEADER.test(section.slice(start, end))) return start;
    start = end + 1;
  }
  return -1;
}

/**
 * The hunks of one file's section of a unified diff, from the hunk header at `from` to the end of the
 * section or the start of another file, read as parse-diff reads them, without its cost: parse-diff
 * matches every line against a list of patterns and keeps an object per change, which made it the
 * largest part of building /changes (the allocations of a 200-file diff were 13 times its size). Here
 * each line is looked at once, by its first character, and only its text is kept.
 *
 * What parse-diff does, and so this: a hunk lasts as long as its header's line counts say, a line in
 * it is removed (`-`), added (`+`) or else unchanged; between hunks only another hunk header counts,
 * until a line that starts another file. "\ No newline at end of file" is no line of the file, and
 * neither is an unchanged line that starts with a backslash (as before, when parse-diff's changes were
 * read).
 */
export function readHunks(section: string, from: number): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let open: OpenHunk | undefined;
  // Every piece that splitting at "\n" gives, the empty one after a final line break included.
  for (let start = from; start <= section.length;) {
    const end = lineEnd(section, start);
    if (open) {
      readLine(section, start, end, open);
      if (open.oldLeft === 0 && open.newLeft === 0) open = undefined;
    } else {
      const line = section.slice(start, end);
      if (NEXT_FILE.some((pattern) => pattern.test(line))) break;
      const header = HUNK_HEADER.exec(line);
      if (header) open = openHunk(header, hunks);
    }
    start = end + 1;
  }
  return hunks;
}

function lineEnd(section: string, start: number): number {
  const newline = section.indexOf('\n', start);
  return newline === -1 ? section.length : newline;
}

function openHunk(header: RegExpExecArray, hunks: DiffHunk[]): OpenHunk {
  // A count left out is 1; a count of 0 stays 0.
  const count = (value: string | undefined) => Number(value || 1);
  const [oldStart, oldLines, newStart, newLines] = [Number(header[1]), count(header[2]), Number(header[3]), count(header[4])];
  const lines: DiffLine[] = [];
  hunks.push({ oldStart, oldLines, newStart, newLines, lines });
  return { lines, oldLeft: oldLines, newLeft: newLines, nextNew: newStart };
}

function readLine(section: string, start: number, end: number, open: OpenHunk): void {
  if (end - start === NO_NEWLINE.length && section.startsWith(NO_NEWLINE, start)) return;
  const first = section.charCodeAt(start);
  if (first === MINUS) open.oldLeft--;
  else if (first === PLUS) open.newLeft--;
  else {
    open.oldLeft--;
    open.newLeft--;
    if (first === BACKSLASH) return;
  }
  // The text after the marker, without the carriage return of a CRLF file.
  const textEnd = end > start + 1 && section.charCodeAt(end - 1) === CR ? end - 1 : end;
  const text = section.slice(start + 1, Math.max(start + 1, textEnd));
  if (first === MINUS) open.lines.push({ kind: 'del', beforeLine: Math.max(1, open.nextNew), text });
  else open.lines.push({ kind: first === PLUS ? 'add' : 'context', newLine: open.nextNew++, text });
}
