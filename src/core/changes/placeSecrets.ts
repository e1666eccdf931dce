import { type SecretRange } from '../redact/findSecrets';
import { type DiffFile, type DiffLine } from './diffModel';

export type Side = 'new' | 'old';

export interface LineSpan {
  readonly start: number;
  readonly end: number;
  /** The placeholder goes on the first line a secret touches; its other lines lose the secret's text. */
  readonly placeholder?: string;
}

/**
 * The lines of one side of the diff (the new version: unchanged and added lines; the old one: unchanged
 * and removed lines), each with where it starts in the side's text: the lines joined by line breaks,
 * with a blank line after each hunk. The text and the placing of secrets on lines both walk it, so
 * that no table of offsets is kept. Returns the length of the text, and one.
 */
export function walkSide(
  files: readonly DiffFile[],
  side: Side,
  onLine: (line: DiffLine, at: number) => void,
  onHunkEnd: () => void,
): number {
  const left = side === 'new' ? 'del' : 'add';
  let at = 0;
  for (const file of files)
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind === left) continue;
        onLine(line, at);
        at += line.text.length + 1;
      }
      onHunkEnd();
      at += 1;
    }
  return at;
}

/**
 * Puts the secrets found in a side's text (sorted and apart, as findSecrets gives them) on the lines
 * they touch, in one walk alongside them. Returns how many count for this side: on the old side, only
 * those on a removed line, since unchanged lines were counted with the new version.
 */
export function placeSecrets(
  secrets: readonly SecretRange[],
  files: readonly DiffFile[],
  side: Side,
  spans: Map<DiffLine, LineSpan[]>,
): number {
  if (secrets.length === 0) return 0;
  const placed = new Uint8Array(secrets.length);
  const onRemoved = new Uint8Array(secrets.length);
  let next = 0;
  walkSide(
    files,
    side,
    (line, at) => {
      const end = at + line.text.length;
      while (next < secrets.length && (secrets[next]?.end ?? 0) <= at) next++;
      for (let index = next; index < secrets.length; index++) {
        const secret = secrets[index] as SecretRange;
        if (secret.start > end) break;
        const span = { start: Math.max(0, secret.start - at), end: Math.min(line.text.length, secret.end - at) };
        spans.set(line, [...(spans.get(line) ?? []), placed[index] ? span : { ...span, placeholder: `[REDACTED:${secret.kind}]` }]);
        placed[index] = 1;
        if (line.kind === 'del') onRemoved[index] = 1;
      }
    },
    () => undefined,
  );
  return side === 'new' ? secrets.length : onRemoved.reduce((sum, flag) => sum + flag, 0);
}
