import { type LineRange } from '../findings/shownLines';
import {
  identifierAt,
  isIdentifierPart,
  isIdentifierStart,
  maskedLines,
  qualifierBefore,
  scanWindow,
  skipSpaces,
  type CodeFamily,
} from './codeText';

/** A name the code under review uses, at its first use. */
export interface IdentifierUse {
  readonly name: string;
  /** The name before a dot ("orders" in `orders.list`), when there is one. */
  readonly qualifier?: string;
  /** 1-based line and 0-based column of the first use. */
  readonly line: number;
  readonly column: number;
}

export interface UsesInRanges {
  /** Distinct uses, first use first, at most `MAX_USES`. */
  readonly uses: readonly IdentifierUse[];
  /** Names the reviewed lines declare themselves (locals, parameters named after a keyword, functions). */
  readonly declared: ReadonlySet<string>;
}

/**
 * Keywords and the built-ins of JavaScript/TypeScript, Python and Go: no reviewer opens the definition
 * of `Promise` or `len`, and each name skipped is a language-server request saved.
 */
const NOT_LOOKED_UP = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements package protected interface private public await async as from of type readonly declare namespace module ' +
    'abstract keyof infer is satisfies never unknown any boolean number string symbol object bigint undefined constructor ' +
    'console Number String Boolean Object Array Promise JSON Math Date Error Map Set WeakMap RegExp Symbol parseInt parseFloat ' +
    'isNaN window document process require exports Buffer URL URLSearchParams setTimeout clearTimeout setInterval ' +
    'None True False and assert def del elif except global lambda nonlocal not or pass raise self cls print len range str ' +
    'int float bool dict list tuple isinstance bytes open sorted enumerate zip map filter min max sum all ' +
    'chan defer fallthrough func go goto select struct nil iota make cap append int64 int32 int8 int16 uint uint64 ' +
    'uint32 uint8 float64 float32 byte rune error panic recover copy close'
  ).split(' '),
);

/** After these words, the next name is being declared, not used. */
const DECLARING = new Set('const let var function class def interface func enum struct'.split(' '));

/** Where `name:` is an object key or a parameter's annotation rather than a use (in Python it ends `if x:`). */
const COLON_MARKS_KEY: Record<CodeFamily, boolean> = { script: true, go: true, braces: false, python: false };

export const MAX_USES = 60;

/**
 * The names used on the reviewed lines, in the order a reader meets them, without keywords, built-ins,
 * object keys and the names the lines declare. Linear in the text (one masked pass, one token pass).
 */
export function identifierUses(text: string, family: CodeFamily, ranges: readonly LineRange[]): UsesInRanges {
  const lines = maskedLines(text, family, scanWindow(ranges));
  const declared = new Set<string>();
  const seen = new Set<string>();
  const candidates: IdentifierUse[] = [];
  for (const range of ranges) {
    for (let line = Math.max(1, range.startLine); line <= Math.min(lines.length, range.endLine); line += 1) {
      for (const token of tokensOf(lines[line - 1] ?? '', COLON_MARKS_KEY[family])) {
        if (token.declares) declared.add(token.name);
        if (token.declares || token.isKey || !worthLooking(token)) continue;
        const id = useIdOf(token);
        if (seen.has(id)) continue;
        const use = {
          name: token.name,
          line,
          column: token.column,
          ...(token.qualifier === undefined ? {} : { qualifier: token.qualifier }),
        };
        seen.add(id);
        candidates.push(use);
      }
    }
  }
  const uses = candidates.filter((use) => use.qualifier !== undefined || !declared.has(use.name)).slice(0, MAX_USES);
  return { uses, declared };
}

/** A use's name as written, with its qualifier: "orders.list", "searchOrders". */
export function useIdOf(use: { readonly name: string; readonly qualifier?: string }): string {
  return use.qualifier === undefined ? use.name : `${use.qualifier}.${use.name}`;
}

/** `list` alone is Python's built-in, `orders.list` is ours; `console.log` is nobody's to review. */
function worthLooking(token: Token): boolean {
  if (token.qualifier === undefined) return !NOT_LOOKED_UP.has(token.name);
  return OWN_QUALIFIERS.has(token.qualifier) || !NOT_LOOKED_UP.has(token.qualifier);
}

/** Qualifiers that name the object's own class: `this.repo`, `self.find_orders()` are declared in the same file. */
export const OWN_QUALIFIERS: ReadonlySet<string> = new Set(['this', 'self', 'cls']);

interface Token {
  readonly name: string;
  readonly column: number;
  readonly qualifier?: string;
  readonly declares: boolean;
  /** An object key or a named parameter's type annotation target: `{ count: 1 }`, `userId: number`. */
  readonly isKey: boolean;
}

function tokensOf(line: string, colonMarksKey: boolean): Token[] {
  const tokens: Token[] = [];
  let previousWord = '';
  let previousEnd = -1;
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (!isIdentifierStart(char) || isIdentifierPart(line[index - 1])) {
      index += 1;
      continue;
    }
    const name = identifierAt(line, index);
    const end = index + name.length;
    const before = qualifierBefore(line, index);
    const dotBefore = before !== undefined;
    const qualifier = before !== undefined && isIdentifierStart(before[0]) ? before : undefined;
    const next = skipSpaces(line, end);
    const after = line.slice(next, next + 2);
    const isKey = colonMarksKey && after.startsWith(':') && !after.startsWith('::') && !after.startsWith(':=') && !dotBefore;
    const declares = (!dotBefore && DECLARING.has(previousWord) && onlySpacesBetween(line, previousEnd, index)) || after.startsWith(':=');
    tokens.push({ name, column: index, declares, isKey, ...(qualifier ? { qualifier } : {}) });
    previousWord = name;
    previousEnd = end;
    index = end;
  }
  return tokens;
}

function onlySpacesBetween(line: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (line[index] !== ' ' && line[index] !== '\t' && line[index] !== '*') return false;
  return true;
}
