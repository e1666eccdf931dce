import { type CodeWindow } from '../context/window';
import { findSecrets, type SecretRange } from './findSecrets';

/** Secrets can straddle the edge of a window (a PEM block); scanning a little beyond it catches them. */
const SECRET_SCAN_MARGIN_CHARS = 4096;

/**
 * The secrets that touch a window of a text, as offsets into the whole text. Only the window and a
 * margin around it are scanned: a 5 MB file is never scanned whole for a 100-line window.
 */
export async function secretsNear(text: string, window: CodeWindow): Promise<SecretRange[]> {
  const first = window.lines[0];
  const last = window.lines[window.lines.length - 1];
  if (!first || !last) return [];
  const from = Math.max(0, first.start - SECRET_SCAN_MARGIN_CHARS);
  const to = Math.min(text.length, last.end + SECRET_SCAN_MARGIN_CHARS);
  const found = await findSecrets(from === 0 && to === text.length ? text : text.slice(from, to));
  return found.map((secret) => ({ ...secret, start: secret.start + from, end: secret.end + from }));
}
