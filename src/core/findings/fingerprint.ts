import { createHash } from 'node:crypto';

/**
 * The identity of a finding's code, independent of where it sits: the hash of its lines with every run
 * of whitespace made one space, each line trimmed and blank lines left out. So an ignore or a SARIF
 * fingerprint survives the code moving up or down and being re-indented, and differs when the code does.
 *
 * node:crypto rather than a hand-written hash: the extension only runs in a Node extension host (there
 * is no browser build), so the maintained implementation is there in the unit tests and the bundle alike.
 */
export function fingerprintLines(lines: readonly string[]): string {
  const normalised = lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  // 64 bits is plenty to tell apart the findings of one file; the ignore file stays readable.
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 16);
}

/** Lines `line..endLine` (1-based, inclusive) of a text, without their line breaks. */
export function linesOf(text: string, line: number, endLine: number): string[] {
  const all = text.split(/\r?\n/);
  return all.slice(line - 1, Math.min(endLine, all.length));
}
