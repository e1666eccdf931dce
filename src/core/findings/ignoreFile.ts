import * as z from 'zod/mini';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { english, type Translate } from '../i18n';
import { lazy } from '../lazy';
import { definedOnly } from '../result/definedOnly';
import { normalizeRelativePath } from '../text';
import { IGNORE_FILE_PATH } from './ignoreFilePath';

/** One ignored finding: its file, what it is (rule, else title) and the fingerprint of its code. */
export interface IgnoreEntry {
  readonly file: string;
  readonly rule?: string;
  readonly title: string;
  readonly fingerprint: string;
  readonly reason?: string;
}

export type IgnoreFile =
  | { readonly ok: true; readonly entries: readonly IgnoreEntry[] }
  /** `line` is 1-based, for a diagnostic on the file; a malformed file ignores nothing. */
  | { readonly ok: false; readonly line: number; readonly message: string };

const entrySchema = lazy(() =>
  z.array(
    z.object({
      file: z.string().check(z.minLength(1), z.maxLength(500)),
      rule: z.optional(z.string().check(z.maxLength(40))),
      title: z.string().check(z.minLength(1), z.maxLength(300)),
      fingerprint: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
      reason: z.optional(z.string().check(z.maxLength(2000))),
    }),
  ),
);

/**
 * The largest ignore file read, in bytes (and characters): a team's list of ignored findings is a few
 * KB; a larger file is refused with a diagnostic, never parsed on every review.
 */
export const MAX_IGNORE_FILE_BYTES = 1024 * 1024;
/** Comments (which jsonc-parser allows unless told otherwise) and trailing commas, as a person writes them. */
const JSONC = { allowTrailingComma: true };
/** The file is a list of flat objects (depth 2); deeper nesting is refused before the parser recurses. */
const MAX_NESTING = 16;

/** The answer for a file over the size cap, without reading it. */
export function ignoreFileTooLarge(bytes: number, t: Translate = english): IgnoreFile {
  return {
    ok: false,
    line: 1,
    message: t(
      '{0} is {1} bytes, over the limit of {2}; it is not read. Remove entries no longer needed.',
      IGNORE_FILE_PATH,
      bytes,
      MAX_IGNORE_FILE_BYTES,
    ),
  };
}

/** Reads the ignore file's text. An empty file ignores nothing and is not an error. */
export function parseIgnoreFile(text: string, t: Translate = english): IgnoreFile {
  if (text.length > MAX_IGNORE_FILE_BYTES) return ignoreFileTooLarge(text.length, t);
  if (text.trim() === '') return { ok: true, entries: [] };
  const deep = tooDeepAt(text);
  if (deep !== undefined)
    return { ok: false, line: lineAt(text, deep), message: t('{0} is nested more than {1} levels deep', IGNORE_FILE_PATH, MAX_NESTING) };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, JSONC);
  const syntax = errors[0];
  if (syntax !== undefined || tree === undefined) {
    const offset = syntax?.offset ?? 0;
    const what = syntax ? printParseErrorCode(syntax.error) : 'ValueExpected';
    return { ok: false, line: lineAt(text, offset), message: t('{0} is not valid JSON ({1})', IGNORE_FILE_PATH, what) };
  }
  const parsed = entrySchema().safeParse(getNodeValue(tree));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((part): part is string | number => typeof part !== 'symbol');
    const node = findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, path.slice(0, 1)) ?? tree;
    const where = path.length > 0 ? path.join('.') : t('the top level');
    return {
      ok: false,
      line: lineAt(text, node.offset),
      message: t('{0}: invalid entry at {1}; expected [{file, rule?, title, fingerprint, reason?}]', IGNORE_FILE_PATH, where),
    };
  }
  return { ok: true, entries: parsed.data.map(withoutEmpty) };
}

/**
 * The ignore file's new text with one more entry, the rest of the file (formatting, comments) kept as it
 * was; the text unchanged when an equal entry is already there. Only call it on a file that parsed.
 * The entry is inserted after the last one, and nothing else is touched: the cost is one pass over the
 * file however it is laid out (reformatting a one-line file around the insertion grew with its square).
 */
export function appendIgnoreEntry(text: string, existing: readonly IgnoreEntry[], entry: IgnoreEntry): string {
  if (existing.some((other) => sameEntry(other, entry))) return text;
  const item = JSON.stringify(withoutEmpty(entry), null, 2).replace(/\n/g, '\n  ');
  const tree = text.trim() === '' ? undefined : parseTree(text, [], JSONC);
  if (tree?.type !== 'array') return `[\n  ${item}\n]\n`;
  const last = tree.children?.at(-1);
  const at = last ? last.offset + last.length : tree.offset + 1;
  const inserted = last ? `,\n  ${item}` : `\n  ${item}\n`;
  const updated = text.slice(0, at) + inserted + text.slice(at);
  return updated.endsWith('\n') ? updated : `${updated}\n`;
}

/**
 * Where brackets first nest deeper than `MAX_NESTING` (strings and comments skipped), or undefined.
 * One pass: the parser recurses once per level, and a file nested 100,000 deep overflowed its stack.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) at = stringEnd(text, at);
    else if (code === 0x2f && text.charCodeAt(at + 1) === 0x2f) at = lineCommentEnd(text, at);
    else if (code === 0x2f && text.charCodeAt(at + 1) === 0x2a) at = endOf(text, '*/', at + 2) + 1;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_NESTING) return at;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return undefined;
}

/** The offset of the quote that closes the string opened at `open` (or the text's end). */
function stringEnd(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x5c) at++;
    // jsonc-parser ends a string at a CR as at a LF: so must this count, or a CR hides the nesting after it.
    else if (code === 0x22 || code === 0x0a || code === 0x0d) return at;
  }
  return text.length;
}

/** Where a `//` comment ends: at a LF or a CR, as jsonc-parser ends it. */
function lineCommentEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0a || code === 0x0d) return at;
  }
  return text.length;
}

function endOf(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found === -1 ? text.length : found;
}

/**
 * Whether an ignore covers a finding: same file and the same code (fingerprint), and the same kind of
 * problem: the same rule when the ignore names one, else the same title. Another problem found later on
 * the same lines is still reported.
 */
export function isIgnored(
  finding: { readonly file: string; readonly rule?: string; readonly title: string; readonly fingerprint: string },
  entries: readonly IgnoreEntry[],
): boolean {
  return entries.some(
    (entry) =>
      entry.fingerprint === finding.fingerprint &&
      samePath(entry.file, finding.file) &&
      (entry.rule !== undefined ? sameRule(entry.rule, finding.rule) : sameTitle(entry.title, finding.title)),
  );
}

/** The same ignore twice: the same file, code, rule and (without a rule) title. */
function sameEntry(a: IgnoreEntry, b: IgnoreEntry): boolean {
  return sameRule(a.rule, b.rule) && isIgnored({ ...b, rule: b.rule ?? '' }, [a]);
}

/** Rule ids compare without case and surrounding spaces; no rule is the empty one. */
function sameRule(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

function samePath(a: string, b: string): boolean {
  return normalizeRelativePath(a) === normalizeRelativePath(b);
}

function sameTitle(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function withoutEmpty(entry: IgnoreEntry): IgnoreEntry {
  return definedOnly({
    file: normalizeRelativePath(entry.file),
    rule: entry.rule?.trim() || undefined,
    title: entry.title,
    fingerprint: entry.fingerprint,
    reason: entry.reason?.trim() || undefined,
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** How the ignore files of a review's folders turned out, for the one line the answer says about them. */
export interface IgnoreSummary {
  readonly ignored: number;
  readonly malformed: boolean;
  /** Restricted Mode, with an ignore file present that was therefore not read. */
  readonly unreadInRestrictedMode: boolean;
}

export function ignoreNote(summary: IgnoreSummary, t: Translate = english): string | undefined {
  if (summary.malformed) return t('{0} could not be read (see the Problems panel), so no finding was ignored by it.', IGNORE_FILE_PATH);
  if (summary.unreadInRestrictedMode)
    return t('Ignored findings were not applied: in Restricted Mode {0} is not read. Trust the workspace to use it.', IGNORE_FILE_PATH);
  if (summary.ignored === 1) return t('1 finding was left out: it is ignored in {0}.', IGNORE_FILE_PATH);
  if (summary.ignored > 1) return t('{0} findings were left out: they are ignored in {1}.', summary.ignored, IGNORE_FILE_PATH);
  return undefined;
}
