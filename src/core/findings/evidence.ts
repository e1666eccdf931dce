import { revealHiddenCharacters } from '../context/hiddenChars';

/**
 * Evidence is model output: it is cut to this many characters as it is read, so that whatever a reply
 * holds, matching it costs at most this much per finding. A prefix of a verbatim excerpt is still
 * verbatim, so a longer quote is cut rather than ignored: the finding still has to match the code.
 */
export const MAX_EVIDENCE_CHARS = 400;

/** The `evidence` of a finding as parsed: a string, cut to its first `MAX_EVIDENCE_CHARS` characters. */
export function evidenceOf(value: unknown): { evidence?: string } {
  if (typeof value !== 'string' || value.trim() === '') return {};
  return { evidence: value.length > MAX_EVIDENCE_CHARS ? value.slice(0, MAX_EVIDENCE_CHARS) : value };
}

// The line-number column of the prompt, as a model may copy it: "12 | " for attached code and unchanged
// diff lines, "12 + " for added ones. Fixed patterns, anchored, over a bounded text.
const NUMBERED_LINE = /^[ \t]*\d+ [|+] ?/;
const PLACEHOLDER = /\[REDACTED:[^\]\s]{0,60}\]/g;
const WHITESPACE = /\s+/g;

/**
 * The same text, made comparable: hidden characters shown as the markers the prompt used (the model saw
 * those), then every whitespace character taken out, so indentation, line breaks and spacing a model
 * changed make no difference. Linear: two passes of fixed patterns.
 */
export function normalizeForMatch(text: string): string {
  return revealHiddenCharacters(text).text.replace(WHITESPACE, '');
}

/**
 * What of a finding's evidence is looked for in the code: the line numbers taken off when every line
 * carries them, and, when the model quoted a `[REDACTED:…]` placeholder (the secret was never shown, so
 * the code holds something else there), the longest stretch between placeholders. Normalized; undefined
 * when nothing is left to look for.
 */
export function evidencePattern(evidence: string): string | undefined {
  const lines = evidence.split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const numbered = filled.length > 0 && filled.every((line) => NUMBERED_LINE.test(line));
  const text = numbered ? lines.map((line) => line.replace(NUMBERED_LINE, '')).join('\n') : evidence;
  const longest = text
    .split(PLACEHOLDER)
    .map(normalizeForMatch)
    .reduce((best, part) => (part.length > best.length ? part : best), '');
  return longest === '' ? undefined : longest;
}
