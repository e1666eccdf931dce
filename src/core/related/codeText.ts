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
  readonly quotes: readonly string[];
}

const SYNTAX: Record<CodeFamily, Syntax> = {
  script: { lineComment: '//', blockComment: ['/*', '*/'], multiLineQuotes: ['`'], quotes: ["'", '"'] },
  go: { lineComment: '//', blockComment: ['/*', '*/'], multiLineQuotes: ['`'], quotes: ["'", '"'] },
  braces: { lineComment: '//', blockComment: ['/*', '*/'], multiLineQuotes: [], quotes: ["'", '"'] },
  python: { lineComment: '#', multiLineQuotes: ['"""', "'''"], quotes: ["'", '"'] },
};

const FAMILY_BY_EXTENSION: Record<string, CodeFamily> = {
  ts: 'script',
  tsx: 'script',
  mts: 'script',
  cts: 'script',
  js: 'script',
  jsx: 'script',
  mjs: 'script',
  cjs: 'script',
  py: 'python',
  pyi: 'python',
  go: 'go',
  java: 'braces',
  kt: 'braces',
  cs: 'braces',
  rs: 'braces',
  c: 'braces',
  h: 'braces',
  cpp: 'braces',
  hpp: 'braces',
  swift: 'braces',
  scala: 'braces',
  php: 'braces',
  dart: 'braces',
};

/** Files that hold no code whose definitions a reviewer would open: no related code is gathered for them. */
const NOT_CODE = new Set([
  'md',
  'markdown',
  'txt',
  'json',
  'jsonc',
  'yaml',
  'yml',
  'toml',
  'ini',
  'csv',
  'lock',
  'log',
  'xml',
  'html',
  'svg',
  'env',
  'ipynb',
]);

export function isCodePath(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 || !NOT_CODE.has(name.slice(dot + 1).toLowerCase());
}

/** The family of a file by its name; undefined for files that are not code the fallback can read. */
export function codeFamilyOf(path: string): CodeFamily | undefined {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FAMILY_BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** Lines longer than this are read only up to it: minified code holds no declaration worth a piece. */
export const MAX_SCANNED_LINE_CHARS = 2000;

/**
 * The text's lines with the inside of strings and comments blanked to spaces (columns kept), so that
 * the scanners below see only code. One pass, each character looked at once: linear in the text.
 */
export function maskedLines(text: string, family: CodeFamily): string[] {
  const syntax = SYNTAX[family];
  const lines = text.split(/\r?\n|\r/);
  const masked: string[] = [];
  let open: string | undefined; // the closer of a string or comment still open at the end of a line
  for (const raw of lines) {
    const line = raw.length > MAX_SCANNED_LINE_CHARS ? raw.slice(0, MAX_SCANNED_LINE_CHARS) : raw;
    const result = maskLine(line, syntax, open);
    masked.push(result.text);
    open = result.open;
  }
  return masked;
}

function maskLine(line: string, syntax: Syntax, initiallyOpen: string | undefined): { text: string; open: string | undefined } {
  let out = '';
  let open = initiallyOpen;
  let index = 0;
  while (index < line.length) {
    if (open !== undefined) {
      if (line[index] === '\\' && open.length === 1 && open !== '*/') {
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
    const quote = syntax.multiLineQuotes.find((q) => line.startsWith(q, index)) ?? syntax.quotes.find((q) => line[index] === q);
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

/** The identifier starting at `index`, or '' when none does. */
export function identifierAt(line: string, index: number): string {
  if (!isIdentifierStart(line[index])) return '';
  let end = index + 1;
  while (isIdentifierPart(line[end])) end += 1;
  return line.slice(index, end);
}

export function indentOf(line: string): number {
  let index = 0;
  while (line[index] === ' ' || line[index] === '\t') index += 1;
  return index;
}
