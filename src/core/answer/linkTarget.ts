/**
 * Whether a link target written by the model may stay live. Renderers and browsers decode backslash
 * escapes, character references and percent-escapes, and drop tabs and line breaks inside a URL, before
 * they look at its scheme; so the target is decoded the same way first. Only web and mail links stay:
 * any other scheme (command:, vscode:, file:, javascript:, data:, ...) is refused.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Longer than any scheme a renderer would act on, even written as character references. */
const MAX_JUDGED = 512;

/** Named references that can spell a scheme or hide a separator; any other name is treated as unknown. */
const NAMED: Readonly<Record<string, string>> = {
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  period: '.',
  plus: '+',
  num: '#',
  quest: '?',
  percnt: '%',
  nbsp: '\u00a0',
};

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Judges the destination that starts at `start` (just after "](" or "<"). A destination that does not
 * start on this line, or is too long to judge, is unsafe: the renderer might still find a scheme in it.
 */
export function isUnsafeDestination(line: string, start: number): boolean {
  let at = start;
  while (line[at] === ' ' || line[at] === '\t') at++;
  if (at >= line.length) return true;
  const inAngles = line[at] === '<';
  if (inAngles) at++;
  const end = destinationEnd(line, at, inAngles);
  if (end === undefined) return true;
  const decoded = decodeTarget(line.slice(at, end));
  return decoded === undefined || !schemeAllowed(decoded);
}

/** Where the part of a destination that can hold its scheme ends; undefined when longer than judged. */
function destinationEnd(line: string, start: number, inAngles: boolean): number | undefined {
  const stops = inAngles ? '<>' : ' \t()<>[]"\'';
  const limit = Math.min(line.length, start + MAX_JUDGED);
  for (let at = start; at < limit; at++) if (stops.includes(line[at] ?? '')) return at;
  return limit === line.length ? limit : undefined;
}

/** Backslash escapes and character references (markdown), then percent-escapes (URL); undefined if unknown. */
export function decodeTarget(raw: string): string | undefined {
  let out = '';
  for (let at = 0; at < raw.length;) {
    const char = raw[at] ?? '';
    const next = raw[at + 1] ?? '';
    if (char === '\\' && ASCII_PUNCTUATION.test(next)) {
      out += next;
      at += 2;
    } else if (char === '&') {
      const reference = decodeReference(raw, at);
      if (reference === null) return undefined;
      out += reference?.text ?? '&';
      at = reference?.end ?? at + 1;
    } else {
      out += char;
      at++;
    }
  }
  return decodePercent(out);
}

/** A character reference at `at`: its text and end; undefined when it is not one; null when unknown. */
function decodeReference(raw: string, at: number): { text: string; end: number } | undefined | null {
  const match = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/.exec(raw.slice(at, at + 40));
  if (!match) return undefined;
  const end = at + match[0].length;
  if (match[3] !== undefined) {
    const text = NAMED[match[3]];
    return text === undefined ? null : { text, end };
  }
  const code = match[1] !== undefined ? Number(match[1]) : parseInt(match[2] ?? '0', 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return { text: valid ? String.fromCodePoint(code) : '\ufffd', end };
}

function decodePercent(text: string): string {
  return text.replace(/%([0-7][0-9a-fA-F])/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces around it. */
function schemeAllowed(decoded: string): boolean {
  const withoutBreaks = decoded.replace(/[\t\n\r]/g, '');
  const cleaned = withoutBreaks.slice(leadingControlsAndSpaces(withoutBreaks));
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  return scheme === null || ALLOWED_SCHEMES.has((scheme[1] ?? '').toLowerCase());
}

/** How many C0 controls and spaces a URL starts with. */
export function leadingControlsAndSpaces(text: string): number {
  let at = 0;
  while (at < text.length && text.charCodeAt(at) <= 0x20) at++;
  return at;
}
