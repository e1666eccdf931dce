import { type LineRange } from '../findings/shownLines';
import { identifierAt, indentOf, isIdentifierStart, maskedLines, skipSpaces, startsWithAny, type CodeFamily } from './codeText';

/** Words that may stand before a declaration's keyword. */
const MODIFIERS = new Set(
  'export default async public private protected static abstract declare readonly pub override final internal open'.split(' '),
);

/** Words after which the next name is the one declared. */
const KEYWORDS = new Set('function def class interface type func const let var enum struct trait fn'.split(' '));

/** Words a line of code starts with that look like a method (`if (…) {`) but are not one. */
const NOT_METHODS = new Set('if for while switch catch return await with elif else do try new throw'.split(' '));

export interface DeclarationLine {
  readonly name: string;
  /** The keyword ('function', 'def', 'interface', …), or 'method' for `name(…) {` in a class body or a Go `func (r *T) Name`. */
  readonly keyword: string;
}

/**
 * What a masked line declares, read from its first words: `export async function f`, `def f`,
 * `func (r *Repo) F`, `type T`, `const X`, a method `name(…) {`. A fixed number of steps per word, and
 * at most a few words: linear in the line.
 */
export function declarationAt(line: string, family: CodeFamily): DeclarationLine | undefined {
  const indent = indentOf(line);
  let index = indent;
  let word = identifierAt(line, index);
  while (MODIFIERS.has(word)) {
    index = skipSpaces(line, index + word.length);
    word = identifierAt(line, index);
  }
  if (word === '') return undefined;
  if (KEYWORDS.has(word)) return declaredAfterKeyword(line, index + word.length, word, family);
  if (family === 'python') return indent === 0 && isAssignment(line, index + word.length) ? { name: word, keyword: 'const' } : undefined;
  if (family === 'go' || NOT_METHODS.has(word)) return undefined;
  const after = skipSpaces(line, index + word.length);
  if (line[after] === '(' && line.trimEnd().endsWith('{') && indent > 0) return { name: word, keyword: 'method' };
  return undefined;
}

function declaredAfterKeyword(line: string, from: number, keyword: string, family: CodeFamily): DeclarationLine | undefined {
  let index = skipSpaces(line, from);
  if (line[index] === '*') index = skipSpaces(line, index + 1); // function* generator
  // A Go method: `func (r *Repo) Name(`; skip the receiver's parentheses.
  const receiver = family === 'go' && keyword === 'func' && line[index] === '(';
  if (receiver) {
    const close = line.indexOf(')', index);
    if (close < 0) return undefined;
    index = skipSpaces(line, close + 1);
  }
  const name = identifierAt(line, index);
  if (name === '' || isRequire(line, index + name.length)) return undefined;
  // A Go function with a receiver is a method: called on a value, found by the name after the dot.
  return { name, keyword: receiver ? 'method' : keyword };
}

/** `const users = require('./users')` binds a module: an import, not a declaration worth a piece. */
function isRequire(line: string, from: number): boolean {
  const equals = skipSpaces(line, from);
  return line[equals] === '=' && line.startsWith('require(', skipSpaces(line, equals + 1));
}

function isAssignment(line: string, from: number): boolean {
  const index = skipSpaces(line, from);
  if (line[index] === ':') return true; // NAME: Final = …
  return line[index] === '=' && line[index + 1] !== '=';
}

export interface FoundDeclaration extends DeclarationLine, LineRange {}

/** At most this many declarations of one name are kept from one file: a name defined 10,000 times is noise. */
export const MAX_DECLARATIONS_PER_NAME = 3;

/** The most lines one declaration's extent may take; a longer one is cut there (the budget windows it). */
export const MAX_DECLARATION_LINES = 400;

/**
 * The declarations of `names` in a file, each with its extent, in file order, at most
 * `perName` of each. One pass over the masked lines, plus each kept declaration's own lines.
 */
export function findDeclarations(
  text: string,
  family: CodeFamily,
  names: ReadonlySet<string>,
  perName = MAX_DECLARATIONS_PER_NAME,
): FoundDeclaration[] {
  if (names.size === 0) return [];
  const lines = maskedLines(text, family);
  const counts = new Map<string, number>();
  const found: FoundDeclaration[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!isIdentifierStart(line.trimStart()[0])) continue;
    const declaration = declarationAt(line, family);
    if (!declaration || !names.has(declaration.name)) continue;
    const count = counts.get(declaration.name) ?? 0;
    if (count >= perName) continue;
    counts.set(declaration.name, count + 1);
    found.push({ ...declaration, ...declarationExtent(lines, index + 1, family) });
  }
  return found;
}

/**
 * The lines of the declaration starting on `startLine` (1-based) of masked `lines`: up to its closing
 * brace or the semicolon that ends it (C-like languages), or as far as its body is indented (Python).
 */
export function declarationExtent(
  lines: readonly string[],
  startLine: number,
  family: CodeFamily,
  maxLines = MAX_DECLARATION_LINES,
): LineRange {
  const last = Math.min(lines.length, startLine + maxLines - 1);
  const endLine = family === 'python' ? indentedEnd(lines, startLine, last) : bracedEnd(lines, startLine, last);
  return { startLine, endLine };
}

const OPENERS = '{[(';
const CLOSERS = '}])';
const CONTINUES_AFTER = ['=', ',', '(', '[', '{', '=>', '+', '-', '*', '/', '|', '&', '?', ':', '.', '<'];
const CONTINUES_BEFORE = ['.', '|', '&', '?', ':', '+', '{', '=', ')', ']', '>'];

/** The bracket depth after `char`: an opener adds one, a closer takes one (never below zero). */
function depthAfter(char: string, depth: number): number {
  if (OPENERS.includes(char)) return depth + 1;
  return CLOSERS.includes(char) ? Math.max(0, depth - 1) : depth;
}

function bracedEnd(lines: readonly string[], startLine: number, last: number): number {
  let depth = 0;
  for (let lineNumber = startLine; lineNumber <= last; lineNumber += 1) {
    const line = lines[lineNumber - 1] ?? '';
    for (const char of line) {
      if (char === ';' && depth === 0) return lineNumber;
      depth = depthAfter(char, depth);
    }
    if (depth === 0 && line.trim() !== '' && !continuesPast(line, nextCodeLine(lines, lineNumber, last))) return lineNumber;
  }
  return last;
}

/** Whether a statement at bracket depth 0 goes on after this line (`=` at its end, `.then(` on the next). */
function continuesPast(line: string, next: string | undefined): boolean {
  const end = line.trimEnd();
  if (CONTINUES_AFTER.some((token) => end.endsWith(token))) return true;
  const start = next?.trimStart() ?? '';
  return CONTINUES_BEFORE.some((token) => start.startsWith(token));
}

function nextCodeLine(lines: readonly string[], lineNumber: number, last: number): string | undefined {
  for (let next = lineNumber + 1; next <= last; next += 1) if ((lines[next - 1] ?? '').trim() !== '') return lines[next - 1];
  return undefined;
}

function indentedEnd(lines: readonly string[], startLine: number, last: number): number {
  const indent = indentOf(lines[startLine - 1] ?? '');
  let depth = 0;
  let end = startLine;
  for (let lineNumber = startLine; lineNumber <= last; lineNumber += 1) {
    const line = lines[lineNumber - 1] ?? '';
    const blank = line.trim() === '';
    if (lineNumber > startLine && !blank && depth === 0 && indentOf(line) <= indent) break;
    for (const char of line) depth = depthAfter(char, depth);
    if (!blank) end = lineNumber;
  }
  return end;
}

/**
 * Whether a line passes names on rather than declaring one: a CommonJS export of names
 * (`module.exports = { generateToken };`, `exports.login = login;`), an ESM export list or re-export,
 * `export default handler;`, or one entry of a multi-line export list (`  generateToken,`). A language
 * server's definition sometimes lands there; the declaration is elsewhere. `exports.login = async (…) => {`
 * and `export default function f` declare, and are not one.
 */
export function isAliasStatement(line: string): boolean {
  const text = line.trim();
  if (startsWithAny(text, ['export {', 'export *'])) return true;
  if (text.startsWith('export default ')) return isLoneName(text.slice('export default '.length), true);
  if (startsWithAny(text, ['module.exports', 'exports.'])) {
    const equals = text.indexOf('=');
    if (equals < 0) return false;
    const value = text.slice(equals + 1).trim();
    return value.startsWith('{') || isLoneName(value, false);
  }
  return isLoneName(text, false) && text.endsWith(',');
}

/** `name`, `name;` or `name,` and nothing else (a keyword is not a name). */
function isLoneName(text: string, keywordsCount: boolean): boolean {
  const value = text.trim();
  const word = identifierAt(value, 0);
  if (word === '' || (keywordsCount && (KEYWORDS.has(word) || MODIFIERS.has(word)))) return false;
  const rest = value.slice(word.length).trim();
  return rest === '' || rest === ';' || rest === ',';
}

/** How far above a method its class is looked for. */
const MAX_OWNER_LOOKBACK = 2000;

/**
 * The type a method belongs to, from masked lines: a Go receiver's type (`func (s *Store) ListOrders`
 * → Store), else the declaration whose body holds it (`class OrderRepository`, `const tokenService = {`).
 * Linear in the lines looked back over, at most `MAX_OWNER_LOOKBACK`.
 */
export function ownerOf(lines: readonly string[], startLine: number, family: CodeFamily): string | undefined {
  const line = lines[startLine - 1] ?? '';
  if (family === 'go') {
    const open = line.indexOf('(');
    const close = line.indexOf(')', open + 1);
    if (open < 0 || close < 0) return undefined;
    let owner: string | undefined;
    for (let index = open + 1; index < close; index += 1) {
      if (line[index] === '[') break; // type parameters: the name stands before them
      // Each word is read whole from its first character, so the last word before `)` or `[` is the type.
      const word = identifierAt(line, index);
      if (word === '') continue;
      owner = word;
      index += word.length - 1;
    }
    return owner;
  }
  const indent = indentOf(line);
  for (let number = startLine - 1; number >= Math.max(1, startLine - MAX_OWNER_LOOKBACK); number -= 1) {
    const above = lines[number - 1] ?? '';
    if (above.trim() === '' || indentOf(above) >= indent) continue;
    return declarationAt(above, family)?.name;
  }
  return undefined;
}

/**
 * Whether a member use's qualifier plausibly names a value of `owner`'s type: fields and collaborators
 * are by habit named after their type (`h.Store`, `this.repository: OrderRepository`, `h.Ledger`).
 */
export function qualifierFitsOwner(qualifier: string, owner: string): boolean {
  const a = qualifier.toLowerCase();
  const b = owner.toLowerCase();
  return a.length >= 2 && (b.includes(a) || a.includes(b));
}
