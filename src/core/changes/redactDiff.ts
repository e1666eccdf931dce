import { findSecrets, type SecretRange } from '../redact/findSecrets';
import { type DiffFile, type DiffHunk, type DiffLine } from './diffModel';

type Side = 'new' | 'old';

interface LineSpan {
  readonly start: number;
  readonly end: number;
  /** The placeholder goes on the first line a secret touches; its other lines lose the secret's text. */
  readonly placeholder?: string;
}

interface SideText {
  readonly text: string;
  /** For each line of the side: where it starts in `text`, and which diff line it is. */
  readonly rows: ReadonlyArray<{ readonly start: number; readonly line: DiffLine }>;
}

/**
 * Replaces secrets in the hunks of changed files by `[REDACTED:kind]`. Each side of the diff is scanned
 * as one text (the new version: unchanged and added lines; the old one: unchanged and removed lines), so
 * a key split over several lines of a hunk is still found. Two scans for the whole diff, however many
 * files it has.
 */
export async function redactDiff(files: readonly DiffFile[]): Promise<{ files: DiffFile[]; count: number }> {
  const spans = new Map<DiffLine, LineSpan[]>();
  let count = 0;
  const anyRemoved = files.some((file) => file.removed > 0);
  for (const side of anyRemoved ? (['new', 'old'] as const) : (['new'] as const)) {
    const sideText = textOfSide(files, side);
    const secrets = await findSecrets(sideText.text);
    for (const secret of secrets) {
      const touched = placeSecret(secret, sideText, spans);
      // Unchanged lines are on both sides: a secret only there was counted with the new version.
      if (side === 'new' || touched.some((line) => line.kind === 'del')) count++;
    }
  }
  if (spans.size === 0) return { files: [...files], count };
  return { files: files.map((file) => ({ ...file, hunks: file.hunks.map((hunk) => redactHunk(hunk, spans)) })), count };
}

function textOfSide(files: readonly DiffFile[], side: Side): SideText {
  const parts: string[] = [];
  const rows: Array<{ start: number; line: DiffLine }> = [];
  let at = 0;
  for (const file of files)
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind === (side === 'new' ? 'del' : 'add')) continue;
        rows.push({ start: at, line });
        parts.push(line.text);
        at += line.text.length + 1;
      }
      // A blank line between hunks, so the end of one and the start of the next never read as one token.
      parts.push('');
      at += 1;
    }
  return { text: parts.join('\n'), rows };
}

function placeSecret(secret: SecretRange, side: SideText, spans: Map<DiffLine, LineSpan[]>): DiffLine[] {
  const touched: DiffLine[] = [];
  for (let index = firstRowAtOrBefore(side.rows, secret.start); index < side.rows.length; index++) {
    const row = side.rows[index];
    if (!row || row.start >= secret.end) break;
    const rowEnd = row.start + row.line.text.length;
    if (rowEnd < secret.start) continue;
    const span: LineSpan = {
      start: Math.max(0, secret.start - row.start),
      end: Math.min(row.line.text.length, secret.end - row.start),
      ...(touched.length === 0 ? { placeholder: `[REDACTED:${secret.kind}]` } : {}),
    };
    touched.push(row.line);
    spans.set(row.line, [...(spans.get(row.line) ?? []), span]);
  }
  return touched;
}

/** Binary search: the last row that starts at or before `offset`. */
function firstRowAtOrBefore(rows: SideText['rows'], offset: number): number {
  let low = 0;
  let high = rows.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((rows[middle]?.start ?? 0) <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function redactHunk(hunk: DiffHunk, spans: ReadonlyMap<DiffLine, LineSpan[]>): DiffHunk {
  if (!hunk.lines.some((line) => spans.has(line))) return hunk;
  return { ...hunk, lines: hunk.lines.map((line) => redactLine(line, spans.get(line))) };
}

function redactLine(line: DiffLine, lineSpans: readonly LineSpan[] | undefined): DiffLine {
  if (!lineSpans) return line;
  // An unchanged line may carry the same secret from both scans: keep each stretch once.
  const sorted = [...lineSpans].sort((a, b) => a.start - b.start || b.end - a.end);
  let text = '';
  let at = 0;
  for (const span of sorted) {
    if (span.end <= at && span.start < at) continue;
    if (span.start > at) text += line.text.slice(at, span.start);
    if (span.placeholder !== undefined && !(span.start < at)) text += span.placeholder;
    at = Math.max(at, span.end);
  }
  text += line.text.slice(at);
  return { ...line, text };
}
