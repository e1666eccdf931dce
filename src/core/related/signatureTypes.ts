import { type LineRange } from '../findings/shownLines';
import { identifierAt, isIdentifierPart, isIdentifierStart, type CodeFamily } from './codeText';

/** Lines of a declaration read as its signature (parameters and result), before its body starts. */
const MAX_SIGNATURE_LINES = 6;
/** Type names taken from one signature. */
export const MAX_SIGNATURE_TYPES = 6;
/** The platform's own generic types: never declared in the team's file, not worth a slot. */
const PLATFORM_TYPES = new Set('Promise Array ReadonlyArray Record Partial Readonly Map Set Date Error Optional List Dict'.split(' '));

const opensBrace = (line: string) => line.includes('{');

/** Where a declaration's body starts, so that the signature ends: `{` in C-like code, `:` at the end of a Python line. */
const BODY_OPENS: Record<CodeFamily, (line: string) => boolean> = {
  script: (line) => line.includes('{') || line.includes('=>'),
  go: opensBrace,
  braces: opensBrace,
  python: (line) => line.trimEnd().endsWith(':'),
};

/**
 * The type names a function's signature mentions (`Promise<UserRow | undefined>`, `-> Item`,
 * `(*User, error)`), first mention first, without the declared name itself: what a reviewer reads
 * beside the function to know what it returns. Names are capitalised, unqualified words; a qualified
 * one (`model.User`) lives in another module and is left to the import search. Linear in the lines read.
 */
export function signatureTypeNames(
  maskedLines: readonly string[],
  declaration: LineRange & { readonly name: string },
  family: CodeFamily,
): string[] {
  const names: string[] = [];
  const last = Math.min(declaration.endLine, declaration.startLine + MAX_SIGNATURE_LINES - 1);
  for (let number = declaration.startLine; number <= last && names.length < MAX_SIGNATURE_TYPES; number += 1) {
    const line = maskedLines[number - 1] ?? '';
    const opens = BODY_OPENS[family](line);
    const signature = opens && family !== 'python' ? line.slice(0, bodyStart(line)) : line;
    for (let index = 0; index < signature.length && names.length < MAX_SIGNATURE_TYPES; index += 1) {
      if (!isIdentifierStart(signature[index]) || isIdentifierPart(signature[index - 1])) continue;
      const word = identifierAt(signature, index);
      index += word.length - 1;
      if (
        !isTypeName(word) ||
        PLATFORM_TYPES.has(word) ||
        word === declaration.name ||
        names.includes(word) ||
        signature[index - word.length] === '.'
      )
        continue;
      names.push(word);
    }
    if (opens) break;
  }
  return names;
}

/** The column of the body's opening brace: the last `{` of the line that opens it (`): Promise<{ a: T }> {` keeps its type). */
function bodyStart(line: string): number {
  const brace = line.lastIndexOf('{');
  return brace < 0 ? line.length : brace;
}

/** A type by convention in every family read here: starts with a capital, and is not all capitals (a constant). */
function isTypeName(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  return word.length > 1 && word !== word.toUpperCase();
}
