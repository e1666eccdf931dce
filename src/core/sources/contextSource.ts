import { type ChangesStats } from '../changes/changesContext';
import { type AttachedSource } from '../context/attachment';
import { type LineRange, type ShownLines, unionShown } from '../findings/shownLines';
import { type Translate } from '../i18n';
import { type PromptMessage } from '../prompt/assemble';
import { type RelatedCandidate, type RelatedMetadata } from '../related/relatedCode';
import { type ChangesData, type SentPiece, type SkipReason } from '../request/plan';

/**
 * One kind of context, as the edge gathered it: plain data, tagged with its kind. A request carries a
 * list of them; the core turns each into a `ContextSource` (see `sourceFor`).
 */
export type ContextInput =
  | { readonly kind: 'attachments'; readonly sources: readonly AttachedSource[] }
  | { readonly kind: 'changes'; readonly changes: ChangesData }
  | { readonly kind: 'related'; readonly candidates: readonly RelatedCandidate[] };

export type ContextKindName = ContextInput['kind'];

/**
 * Code under review is fitted first and may take the whole code budget; related code is fitted after it,
 * into what is left (at most a quarter of the code budget), and is never what a request is about.
 */
export type SourceRole = 'under-review' | 'related';

/** The request's protection settings, which every source applies to its own content. */
export interface SourceProtection {
  readonly exclude: readonly string[];
  readonly redactSecrets: boolean;
  readonly charsPerToken: number;
  readonly t: Translate;
}

/**
 * A kind of context, in the core. Each phase returns the next, so that what a phase learned travels with
 * it: `screen` (protection: exclusion, binary, hidden characters; redaction happens on what is sent) →
 * `fit` (into its share of the budget, rendered) → `ground` (which files and lines the model was shown)
 * and `metadata` (its part of `ChatResult.metadata`).
 */
export interface ContextSource {
  readonly kind: ContextKindName;
  readonly role: SourceRole;
  /** The files and lines it puts under review: where the edge looks for related code. */
  underReview(): readonly ReviewTarget[];
  screen(protection: SourceProtection): ScreenedSource;
}

/** A file under review (by resource key) and the lines of it that are reviewed. */
export interface ReviewTarget {
  readonly key: string;
  readonly ranges: readonly LineRange[];
}

export interface SkippedSource {
  readonly label: string;
  readonly reason: SkipReason;
}

export interface ScreenedSource {
  /** What a person should know before the answer: what was not sent and why. */
  readonly notes: readonly string[];
  readonly skipped: readonly SkippedSource[];
  /** Workspace-relative paths of what is under review, matched against instruction files' `applyTo`. */
  readonly paths: readonly string[];
  /** How many pieces may be sent or named: none, and a request may not be worth a model call. */
  readonly candidates: number;
  /** Tokens to keep beside the code for the headers of the pieces. */
  readonly reservedTokens: number;
  /** Set when the context could not be read at all: the one-line answer, and no model request. */
  readonly unavailable?: string;
  fit(budget: SourceBudget): Promise<FittedSource>;
}

export interface SourceBudget {
  /** Tokens this source may take. */
  readonly tokens: number;
  /** The whole input budget, which the frame's estimate must stay within. */
  readonly budgetTokens: number;
  readonly charsPerToken: number;
  /** The prompt with `pieces` in this source's place: persona, task, rules, the pieces fitted before, the question. */
  readonly frame: (pieces: readonly string[]) => readonly PromptMessage[];
  /** What the sources fitted before this one showed: related code does not repeat it. */
  readonly alreadyShown: ShownLines;
}

/** Lines a finding must be on or near to be reported; the others are counted and left out. */
export interface FindingsScope {
  touches(path: string, line: number, endLine?: number): boolean;
  outsideNote(count: number, t: Translate): string;
}

/** A source's part of `ChatResult.metadata`. */
export interface SourceMetadata {
  /** A review of changes: files changed, lines added and removed, changed lines not sent. */
  readonly changes?: ChangesStats;
  /** The repository reviewed, relative to the workspace. */
  readonly repository?: string;
  /** The related code sent beside the code under review. */
  readonly related?: readonly RelatedMetadata[];
}

export interface FittedSource {
  readonly kind: ContextKindName;
  readonly role: SourceRole;
  /** One user message each, in the order sent. */
  readonly pieces: readonly string[];
  /** What was sent, for references and to resolve the `file` of a finding. */
  readonly sent: readonly SentPiece[];
  readonly notes: readonly string[];
  /** What was cut, for the "what was cut" line and the log. */
  readonly trimmed: readonly string[];
  readonly redactions: number;
  /** Nothing was cut: earlier turns may take what is left. */
  readonly whole: boolean;
  readonly findingsScope?: FindingsScope;
  ground(): ShownLines;
  metadata(): SourceMetadata;
}

/** Shown lines from sent pieces: each piece's window of its file. */
export function shownFromSent(sent: readonly SentPiece[]): ShownLines {
  return unionShown(sent.map((piece) => new Map([[piece.key, [{ startLine: piece.startLine, endLine: piece.endLine }]]])));
}
