import { type CodeWindow } from '../context/window';
import { findSecrets, mergeRanges, type SecretRange } from './findSecrets';
import { privateKeyBlocks } from './keyBlocks';
import { type TextOrigin } from './textFormat';

/** Secrets can straddle the edge of a window (a PEM block); scanning a little beyond it catches them. */
const SECRET_SCAN_MARGIN_CHARS = 4096;

/**
 * The secrets that touch a window of a text, as offsets into the whole text. Only the window and a
 * margin around it are scanned by the rules: a 5 MB file is never linted whole for a 100-line window.
 * Private keys are the exception: their blocks are found in the whole text by a linear scan, so a
 * window inside a key longer than the margin is still redacted, however the key is read.
 */
export async function secretsNear(text: string, window: CodeWindow, origin?: TextOrigin): Promise<SecretRange[]> {
  const first = window.lines[0];
  const last = window.lines[window.lines.length - 1];
  if (!first || !last) return [];
  const from = Math.max(0, first.start - SECRET_SCAN_MARGIN_CHARS);
  const to = Math.min(text.length, last.end + SECRET_SCAN_MARGIN_CHARS);
  const found = await findSecrets(from === 0 && to === text.length ? text : text.slice(from, to), origin);
  const keys = privateKeyBlocks(text).filter((key) => key.start < last.end && key.end > first.start);
  return mergeRanges([...found.map((secret) => ({ ...secret, start: secret.start + from, end: secret.end + from })), ...keys]);
}
