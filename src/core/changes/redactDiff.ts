import { findSecretsInTexts } from '../redact/findSecrets';
import { CHUNK_CHARS } from '../redact/lintInChunks';
import { formatOf } from '../redact/textFormat';
import { type DiffFile, type DiffHunk, type DiffLine } from './diffModel';
import { placeKeysAround } from './keysAround';
import { type LineSpan, placeSecrets, type Side, walkSide } from './placeSecrets';

/**
 * Replaces secrets in the hunks of changed files by `[REDACTED:kind]`. Each side of the diff (the new
 * version: unchanged and added lines; the old one: unchanged and removed lines) is scanned in batches of
 * whole files, each batch as one text, so a key split over several lines of a hunk, or over the hunks
 * of a file, is still found; a value found in one batch is looked up in all of them. A batch is about
 * what secretlint is given at once anyway, and keeps the texts small: one text for the whole side was a
 * large string, slow to make (a fresh mapping of memory each time). A hunk that shows only part of a
 * key (its BEGIN line elsewhere in the file) is covered by the key lines the reader found in the whole
 * file (`DiffFile.keyLines`).
 */
export async function redactDiff(files: readonly DiffFile[]): Promise<{ files: DiffFile[]; count: number }> {
  const spans = new Map<DiffLine, LineSpan[]>();
  let count = 0;
  const anyRemoved = files.some((file) => file.removed > 0);
  for (const side of anyRemoved ? (['new', 'old'] as const) : (['new'] as const)) {
    const batches = batchesOf(files, side);
    const secrets = await findSecretsInTexts(
      batches.map((batch) => textOfSide(batch, side)),
      batches.map((batch) => ({ path: batch[0]?.path })),
    );
    batches.forEach((batch, index) => {
      count += placeSecrets(secrets[index] ?? [], batch, side, spans);
    });
  }
  // Keys whose BEGIN line is outside the hunks, found in the whole file by the reader.
  count += placeKeysAround(files, spans);
  if (spans.size === 0) return { files: [...files], count };
  return { files: files.map((file) => ({ ...file, hunks: file.hunks.map((hunk) => redactHunk(hunk, spans)) })), count };
}

/**
 * Files in order, cut into batches of about CHUNK_CHARS of side text; a larger file is a batch alone.
 * The files of a batch share a format (config, code), which decides how a password key's value is read.
 */
function batchesOf(files: readonly DiffFile[], side: Side): DiffFile[][] {
  const batches: DiffFile[][] = [];
  let batch: DiffFile[] = [];
  let size = 0;
  for (const file of files) {
    const chars = walkSide(
      [file],
      side,
      () => undefined,
      () => undefined,
    );
    const other = batch[0] !== undefined && formatOf({ path: batch[0].path }) !== formatOf({ path: file.path });
    if (batch.length > 0 && (size + chars > CHUNK_CHARS || other)) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(file);
    size += chars;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function textOfSide(files: readonly DiffFile[], side: Side): string {
  const parts: string[] = [];
  walkSide(
    files,
    side,
    (line) => parts.push(line.text),
    // A blank line between hunks, so the end of one and the start of the next never read as one token.
    () => parts.push(''),
  );
  return parts.join('\n');
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
