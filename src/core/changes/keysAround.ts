import { privateKeyBlocks } from '../redact/keyBlocks';
import { type DiffFile, type DiffLine, type KeyLine } from './diffModel';
import { type LineSpan } from './placeSecrets';

/** A line of a hunk that could be part of a key: a key's marker, or a run of Base64 this long. */
const KEY_LIKE_RUN = 20;
const BASE64_RUN = new RegExp(`[A-Za-z0-9+/=]{${KEY_LIKE_RUN}}`);

/**
 * Whether a changed file's hunks could show part of a private key whose markers are outside them, so
 * that its whole text is worth reading: a hunk line with a key marker or a long Base64 run. Linear in
 * the hunks' text; most changed files have no such line.
 */
export function mayShowPartOfKey(file: DiffFile): boolean {
  return file.hunks.some((hunk) =>
    hunk.lines.some((line) => line.text.includes('PRIVATE KEY') || line.text.includes('Private-') || BASE64_RUN.test(line.text)),
  );
}

/**
 * Every line of these texts (the versions of one file) that holds part of a private key, however far
 * the key's BEGIN line is from it. Linear: the blocks are found by one scan each, and only the lines
 * they cover are walked.
 */
export function keyLinesIn(texts: readonly string[]): KeyLine[] {
  const found: KeyLine[] = [];
  let block = 0;
  for (const text of texts)
    for (const key of privateKeyBlocks(text)) {
      let lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
      while (lineStart < key.end) {
        const newline = text.indexOf('\n', lineStart);
        const lineEnd = newline === -1 ? text.length : newline;
        const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
        const start = Math.max(0, key.start - lineStart);
        const end = Math.min(line.length, key.end - lineStart);
        // A line the block only touches with a quote or a comma tells nothing of the key.
        if (end > start && /[A-Za-z0-9]/.test(line.slice(start, end))) found.push({ text: line, start, end, block });
        if (newline === -1) break;
        lineStart = newline + 1;
      }
      block++;
    }
  return found;
}

/**
 * Puts the key lines of each file on the hunk lines that read the same, beside what the scan of the
 * hunks found (`spans`). A key the scan found (one of its lines already has a span) is not counted
 * again; any other key gets its placeholder on its first line shown. Returns the keys newly found.
 */
export function placeKeysAround(files: readonly DiffFile[], spans: Map<DiffLine, LineSpan[]>): number {
  let count = 0;
  for (const file of files) {
    if (!file.keyLines || file.keyLines.length === 0) continue;
    const byText = new Map<string, KeyLine>();
    for (const keyLine of file.keyLines) if (!byText.has(keyLine.text)) byText.set(keyLine.text, keyLine);
    const shown = new Map<number, Array<{ line: DiffLine; key: KeyLine }>>();
    for (const hunk of file.hunks)
      for (const line of hunk.lines) {
        const key = byText.get(line.text);
        if (!key) continue;
        const lines = shown.get(key.block);
        if (lines) lines.push({ line, key });
        else shown.set(key.block, [{ line, key }]);
      }
    for (const lines of shown.values()) {
      const scanned = lines.some(({ line }) => spans.has(line));
      lines.forEach(({ line, key }, index) => {
        const placeholder = !scanned && index === 0 ? { placeholder: '[REDACTED:private-key]' } : {};
        spans.set(line, [...(spans.get(line) ?? []), { start: key.start, end: key.end, ...placeholder }]);
      });
      if (!scanned) count++;
    }
  }
  return count;
}
