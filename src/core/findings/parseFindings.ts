import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { definedOnly } from '../result/definedOnly';
import { english, type Translate } from '../i18n';
import { type SentPiece } from '../request/plan';
import { baseName, normalizeRelativePath } from '../text';
import { evidenceOf } from './evidence';
import { type FixOffer } from './quickFix';
import { type LineRange } from './shownLines';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A replacement longer than this is not a line fix: the finding is kept, without its quick fix. */
const MAX_REPLACEMENT_CHARS = 20_000;

const findingSchema = lazy(() =>
  z.object({
    line: z.number().check(z.int(), z.gte(1)),
    endLine: z.optional(z.number().check(z.int(), z.gte(1))),
    file: z.optional(z.string().check(z.maxLength(500))),
    severity: z.string().check(
      z.trim(),
      z.toLowerCase(),
      z.refine((value) => (SEVERITIES as readonly string[]).includes(value)),
    ),
    rule: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    detail: z.optional(z.string().check(z.maxLength(4000))),
    fix: z.optional(z.string().check(z.maxLength(4000))),
    // Checked apart: a replacement that is unusable costs the quick fix, not the finding; evidence that
    // is too long is cut, not a reason to drop the finding.
    replacement: z.optional(z.unknown()),
    evidence: z.optional(z.unknown()),
  }),
);

/** A finding placed on a piece that was sent, with lines known to be inside what the model saw. */
export interface Finding {
  readonly piece: SentPiece;
  readonly line: number;
  readonly endLine: number;
  readonly severity: Severity;
  readonly rule?: string;
  readonly title: string;
  readonly detail?: string;
  readonly fix?: string;
  /** The exact new text of lines `line..endLine`, without a final line break. */
  readonly replacement?: string;
  /** A short verbatim excerpt of the code at its lines, as the model quoted it (cut to a bounded length). */
  readonly evidence?: string;
  /**
   * The lines of its file the model was shown in the answer that made it, set by grounding: a quick fix
   * may replace only lines inside them (RELIABILITY R45).
   */
  readonly shown?: readonly LineRange[];
  /** Its quick fix, when its replacement may be offered (set by `withFixOffer`). */
  readonly quickFix?: FixOffer;
}

export interface ParsedFindings {
  /** False when there was no usable block at all: diagnostics are then left as they were. */
  readonly blockFound: boolean;
  readonly findings: readonly Finding[];
  /** One short reason per dropped entry, for a one-line note. */
  readonly dropped: readonly string[];
  /**
   * Valid entries about a file that was not sent, or about lines outside what was sent of it: findings on
   * code the model was not shown, counted with the findings grounding leaves out.
   */
  readonly unshown: number;
}

const MAX_FINDINGS = 200;

/**
 * Reads the `architect-findings` block: JSON, each entry validated, placed on the attached piece it
 * names (or the only one), and kept only when its lines lie inside what was sent (RELIABILITY R32);
 * the others are counted in `unshown`. Grounding (`groundFindings`) then checks the finer lines shown
 * and the evidence.
 * Never throws: whatever is wrong ends up in `dropped` or in `blockFound: false`.
 */
export function parseFindings(block: string | undefined, sent: readonly SentPiece[], t: Translate = english): ParsedFindings {
  if (block === undefined) return noBlock([]);
  const entries = parseJsonArray(block);
  if (entries === undefined) return noBlock([t('the findings block is not a JSON array')]);

  const findings: Finding[] = [];
  const dropped: string[] = [];
  let unshown = 0;
  entries.slice(0, MAX_FINDINGS).forEach((entry, index) => {
    const number = index + 1;
    const parsed = findingSchema().safeParse(entry);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      dropped.push(t('#{0}: invalid "{1}"', number, String(field ?? 'entry')));
      return;
    }
    const value = parsed.data;
    const named = value.file !== undefined && value.file.trim() !== '';
    const piece = pieceFor(value.file, value.line, sent);
    const endLine = Math.max(value.endLine ?? value.line, value.line);
    if (!piece && !named) {
      dropped.push(t('#{0}: no file named', number));
      return;
    }
    if (!piece || value.line < piece.startLine || endLine > piece.endLine) {
      unshown++;
      return;
    }
    findings.push(
      definedOnly({
        piece,
        line: value.line,
        endLine,
        severity: value.severity as Severity,
        // An empty rule, detail or fix is no rule, detail or fix.
        rule: value.rule || undefined,
        title: value.title,
        detail: value.detail?.trim() || undefined,
        fix: value.fix?.trim() || undefined,
        ...replacementOf(value.replacement),
        ...evidenceOf(value.evidence),
      }),
    );
  });
  if (entries.length > MAX_FINDINGS) dropped.push(t('{0} entries beyond the first {1}', entries.length - MAX_FINDINGS, MAX_FINDINGS));
  return { blockFound: true, findings, dropped, unshown };
}

/** No usable block: nothing found, and diagnostics left as they were. */
function noBlock(dropped: string[]): ParsedFindings {
  return { blockFound: false, findings: [], dropped, unshown: 0 };
}

function parseJsonArray(block: string): unknown[] | undefined {
  let value = strictJson(block.trim());
  if (value === undefined) {
    // Models sometimes wrap the array in prose, or leave a trailing comma or a comment in it: take the
    // outermost brackets and read them with a JSON parser that tolerates exactly those, and nothing more.
    const start = block.indexOf('[');
    const end = block.lastIndexOf(']');
    if (start !== -1 && end > start) value = tolerantJson(block.slice(start, end + 1));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as Record<string, unknown>)['findings'];
    if (Array.isArray(inner)) return inner;
  }
  return Array.isArray(value) ? value : undefined;
}

function replacementOf(value: unknown): { replacement?: string } {
  if (typeof value !== 'string' || value.length > MAX_REPLACEMENT_CHARS) return {};
  // The lines are replaced up to the end of the last one: its line break stays where it is.
  return { replacement: value.endsWith('\r\n') ? value.slice(0, -2) : value.endsWith('\n') ? value.slice(0, -1) : value };
}

function strictJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Trailing commas and comments (jsonc-parser's default) allowed; any other error means no value (never a half-read array). */
function tolerantJson(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  return errors.length === 0 ? value : undefined;
}

/**
 * The sent piece a finding belongs to: the one its file names (or the only file sent), and among several
 * ranges of that file (tool reads), the one holding its line.
 */
function pieceFor(file: string | undefined, line: number, sent: readonly SentPiece[]): SentPiece | undefined {
  const withFiles = sent.filter((piece) => piece.uri !== undefined);
  let candidates: SentPiece[];
  if (file === undefined || file.trim() === '') {
    candidates = new Set(withFiles.map((piece) => piece.key)).size === 1 ? withFiles : [];
  } else {
    const wanted = normalizeRelativePath(file).toLowerCase();
    const same = (path: string) => normalizeRelativePath(path).toLowerCase() === wanted;
    candidates = withFiles.filter((piece) => same(piece.label) || same(piece.matchPath));
    if (candidates.length === 0) {
      const byName = withFiles.filter((piece) => baseName(piece.label).toLowerCase() === baseName(wanted));
      candidates = new Set(byName.map((piece) => piece.key)).size === 1 ? byName : [];
    }
  }
  return candidates.find((piece) => line >= piece.startLine && line <= piece.endLine) ?? candidates[0];
}
