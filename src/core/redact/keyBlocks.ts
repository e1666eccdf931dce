import type { SecretRange } from './findSecrets';

/**
 * Private key blocks found by their markers anywhere in a text, however long the key, so that a window
 * in the middle of one (a key read a line at a time) is still known to be part of a key. The scan is
 * linear: each character is looked at a bounded number of times whatever the input.
 *
 * A block runs from a `-----BEGIN … PRIVATE KEY-----` marker (RSA, DSA, EC, OpenSSH, PKCS#8, encrypted,
 * PGP, SSH2) to the next END marker, as long as everything between could be key text: Base64, headers
 * such as `Proc-Type:` or `Version:`, and what wraps a key in code or config (comment markers `//`, `#`,
 * ` * `, quotes, `\n` escapes, `+` concatenation). A BEGIN without an END covers the key text after it.
 * Either way the block needs a Base64 run of 40 characters, so a parser that only names the markers,
 * or a placeholder such as `...`, is left alone. The private lines of a PuTTY key are a block too.
 */
const BEGIN_MARKER = /-{4,5} ?BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;
const END_MARKER = /-{4,5} ?END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;
const MIN_BASE64_RUN = 40;
/** PuTTY's .ppk keeps the private half as `Private-Lines: n`, n Base64 lines and a MAC. */
const PUTTY_PRIVATE_LINES =
  /^[ \t]*Private-Lines:[ \t]*\d{1,5}[ \t]*\r?\n(?:[ \t]*[A-Za-z0-9+/=]{1,200}[ \t]*\r?\n){0,2000}(?:[ \t]*Private-(?:MAC|Hash):[ \t]*[0-9a-fA-F]{1,200})?/gm;

const KEY_TEXT = new Uint8Array(128);
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\\"\'`,;:#*.-_!%| \t\r\n')
  KEY_TEXT[character.charCodeAt(0)] = 1;
const BASE64 = new Uint8Array(128);
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') BASE64[character.charCodeAt(0)] = 1;

interface Marker {
  readonly start: number;
  readonly end: number;
}

function markers(text: string, pattern: RegExp): Marker[] {
  const found: Marker[] = [];
  for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

/** Start and end of every run of at least `MIN_BASE64_RUN` Base64 characters. */
function base64Runs(text: string): Marker[] {
  const runs: Marker[] = [];
  let runStart = -1;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : -1;
    const inRun = code >= 0 && code < 128 && BASE64[code] === 1;
    if (inRun && runStart < 0) runStart = at;
    if (!inRun && runStart >= 0) {
      if (at - runStart >= MIN_BASE64_RUN) runs.push({ start: runStart, end: at });
      runStart = -1;
    }
  }
  return runs;
}

/** Offset of the first character from `from` on that cannot be part of key text (or the text's length). */
function keyTextEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code >= 128 || KEY_TEXT[code] !== 1) break;
    at++;
  }
  return at;
}

/** Trailing quotes, separators and whitespace belong to the code around an unterminated key. */
function trimKeyTail(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && !(text.charCodeAt(at - 1) < 128 && BASE64[text.charCodeAt(at - 1)] === 1)) at--;
  return at;
}

/** PEM blocks and the private lines of PuTTY keys, sorted by where they start. */
export function privateKeyBlocks(text: string): SecretRange[] {
  // Each pattern needs its literal; a substring search for it is far cheaper than trying the pattern at
  // every position (the PuTTY one is anchored per line), and this runs over whole files of any size.
  const putty = text.includes('Private-Lines:') ? markers(text, PUTTY_PRIVATE_LINES) : [];
  const pem = text.includes('PRIVATE KEY') ? pemBlocks(text) : [];
  return [...pem, ...putty.map((block) => ({ ...block, kind: 'private-key' }))].sort((a, b) => a.start - b.start);
}

function pemBlocks(text: string): SecretRange[] {
  const begins = markers(text, BEGIN_MARKER);
  if (begins.length === 0) return [];
  const ends = markers(text, END_MARKER);
  const runs = base64Runs(text);
  const blocks: SecretRange[] = [];
  let endIndex = 0;
  let runIndex = 0;
  let scanFrom = -1;
  let scanStop = -1;
  for (const begin of begins) {
    const last = blocks[blocks.length - 1];
    if (last && begin.start < last.end) continue;
    // Within one stretch of key text every BEGIN stops at the same place: scan each stretch once.
    if (!(begin.end >= scanFrom && begin.end <= scanStop)) {
      scanFrom = begin.end;
      scanStop = keyTextEnd(text, begin.end);
    }
    while (endIndex < ends.length && (ends[endIndex]?.start ?? 0) < begin.end) endIndex++;
    const end = ends[endIndex];
    const blockEnd = end && end.end <= scanStop ? end.end : trimKeyTail(text, begin.end, scanStop);
    while (runIndex < runs.length && (runs[runIndex]?.start ?? 0) < begin.end) runIndex++;
    const run = runs[runIndex];
    if (run && run.end <= blockEnd) blocks.push({ start: begin.start, end: blockEnd, kind: 'private-key' });
  }
  return blocks;
}
