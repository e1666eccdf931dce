import { baseName } from '../text';

/**
 * How the text fallback reads a language: the comment and string syntax, and whether a declaration's
 * extent is given by braces or by indentation. What varies per language lives in this one table.
 */
export type CodeFamily = 'script' | 'python' | 'go' | 'braces';

interface Syntax {
  readonly lineComment: string;
  readonly blockComment?: readonly [string, string];
  /** Quotes whose strings may span lines (template literals, Go raw strings, Python triple quotes). */
  readonly multiLineQuotes: readonly string[];
}

/** The quotes of one-line strings, the same in every family. */
const QUOTES = ["'", '"'];
/** Script and Go: C comments, and backquoted strings that may span lines. */
const C_LIKE: Syntax = { lineComment: '//', blockComment: ['/*', '*/'], multiLineQuotes: ['`'] };

const SYNTAX: Record<CodeFamily, Syntax> = {
  script: C_LIKE,
  go: C_LIKE,
  braces: { ...C_LIKE, multiLineQuotes: [] },
  python: { lineComment: '#', multiLineQuotes: ['"""', "'''"] },
};

/** The file extensions of each family. */
const EXTENSIONS: Record<CodeFamily, string> = {
  script: 'ts tsx mts cts js jsx mjs cjs',
  python: 'py pyi',
  go: 'go',
  braces: 'java kt cs rs c h cpp hpp swift scala php dart',
};

const FAMILY_BY_EXTENSION = new Map(
  Object.entries(EXTENSIONS).flatMap(([family, extensions]) => extensions.split(' ').map((extension) => [extension, family as CodeFamily])),
);

/** Files that hold no code whose definitions a reviewer would open: no related code is gathered for them. */
const NOT_CODE = new Set('md markdown txt json jsonc yaml yml toml ini csv lock log xml html svg env ipynb'.split(' '));

export function isCodePath(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 || !NOT_CODE.has(name.slice(dot + 1).toLowerCase());
}

/** The family of a file by its name; undefined for files that are not code the fallback can read. */
export function codeFamilyOf(path: string): CodeFamily | undefined {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FAMILY_BY_EXTENSION.get(name.slice(dot + 1).toLowerCase());
}

/** Lines longer than this are read only up to it: minified code holds no declaration worth a piece. */
export const MAX_SCANNED_LINE_CHARS = 2000;

/** Lines scanned around the reviewed ones in a very large file: a scan is synchronous, and no deadline can stop it. */
export const MAX_SCANNED_LINES = 5000;

/**
 * The text's lines with the inside of strings and comments blanked to spaces (columns kept), so that
 * the scanners below see only code. One pass, each character looked at once: linear in the text. With
 * `window`, only those lines are masked (the others are left empty): the scan of a 50 MB file stays a
 * few thousand lines, at the price of not knowing a comment opened above the window.
 */
export function maskedLines(text: string, family: CodeFamily, window?: { readonly first: number; readonly last: number }): string[] {
  const syntax = SYNTAX[family];
  const lines = text.split(/\r?\n|\r/);
  const first = Math.max(1, window?.first ?? 1);
  const last = Math.min(lines.length, window?.last ?? lines.length);
  const masked: string[] = new Array<string>(lines.length).fill('');
  let open: string | undefined; // the closer of a string or comment still open at the end of a line
  for (let number = first; number <= last; number += 1) {
    const line = (lines[number - 1] ?? '').slice(0, MAX_SCANNED_LINE_CHARS);
    const result = maskLine(line, syntax, open);
    masked[number - 1] = result.text;
    open = result.open;
  }
  return masked;
}

/** The lines to scan for `ranges`: from a little above the first, at most `MAX_SCANNED_LINES` of them. */
export function scanWindow(ranges: ReadonlyArray<{ readonly startLine: number; readonly endLine: number }>): {
  first: number;
  last: number;
} {
  const first = Math.max(1, Math.min(...ranges.map((range) => range.startLine), Number.MAX_SAFE_INTEGER) - 200);
  const last = Math.min(Math.max(...ranges.map((range) => range.endLine), first), first + MAX_SCANNED_LINES);
  return { first, last };
}

function maskLine(line: string, syntax: Syntax, initiallyOpen: string | undefined): { text: string; open: string | undefined } {
  let out = '';
  let open = initiallyOpen;
  let index = 0;
  while (index < line.length) {
    if (open !== undefined) {
      if (line[index] === '\\' && open.length === 1) {
        out += '  ';
        index += 2;
        continue;
      }
      if (line.startsWith(open, index)) {
        out += ' '.repeat(open.length);
        index += open.length;
        open = undefined;
        continue;
      }
      out += ' ';
      index += 1;
      continue;
    }
    if (line.startsWith(syntax.lineComment, index)) {
      out += ' '.repeat(line.length - index);
      break;
    }
    const block = syntax.blockComment;
    if (block && line.startsWith(block[0], index)) {
      open = block[1];
      out += ' '.repeat(block[0].length);
      index += block[0].length;
      continue;
    }
    const quote = syntax.multiLineQuotes.find((q) => line.startsWith(q, index)) ?? QUOTES.find((q) => line[index] === q);
    if (quote !== undefined) {
      open = quote;
      out += quote; // the quote stays, so that a scanner sees a string was here
      index += quote.length;
      continue;
    }
    out += line[index];
    index += 1;
  }
  // A one-line string left open ends with its line; multi-line strings and block comments carry on.
  const carries = open !== undefined && (open === syntax.blockComment?.[1] || syntax.multiLineQuotes.includes(open));
  return { text: out, open: carries ? open : undefined };
}

export function isIdentifierStart(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || char === '_' || char === '$' || code > 127;
}

export function isIdentifierPart(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return isIdentifierStart(char) || (code >= 48 && code <= 57);
}

/** Whether `text` starts with one of `prefixes`. */
export function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => text.startsWith(prefix));
}

/** The identifier starting at `index`, or '' when none does. */
export function identifierAt(line: string, index: number): string {
  if (!isIdentifierStart(line[index])) return '';
  let end = index + 1;
  while (isIdentifierPart(line[end])) end += 1;
  return line.slice(index, end);
}

export function indentOf(line: string): number {
  return skipSpaces(line, 0);
}

/** The index of the first character at or after `from` that is not a space or a tab. */
export function skipSpaces(line: string, from: number): number {
  let index = from;
  while (line[index] === ' ' || line[index] === '\t') index += 1;
  return index;
}

/**
 * The word before a dot just before `index` ('' for a dot after a call or index: `a().b`), or undefined
 * without a dot. Spaces before the dot and `?`/`!` before the word are skipped; the word is read back at
 * most 100 characters.
 */
export function qualifierBefore(line: string, index: number): string | undefined {
  let dot = index - 1;
  while (dot >= 0 && (line[dot] === ' ' || line[dot] === '\t')) dot -= 1;
  if (line[dot] !== '.') return undefined;
  let end = dot - 1;
  while (end >= 0 && (line[end] === '?' || line[end] === '!')) end -= 1;
  let start = end;
  while (start >= 0 && end - start < 100 && isIdentifierPart(line[start])) start -= 1;
  return line.slice(start + 1, end + 1);
}
