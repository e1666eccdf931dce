import { type RefusedFile } from '../changes/changesContext';
import { type DiffFile } from '../changes/diffModel';
import { type IntentId } from '../intents/intentTable';
import { type AttachedSource } from '../context/attachment';
import { type CodeWindow } from '../context/window';
import { type ShownLines } from '../findings/shownLines';
import { type Translate } from '../i18n';
import { type InstructionFile } from '../instructions/instructionFile';
import { type Persona } from '../persona/persona';
import { type PromptMessage } from '../prompt/assemble';
import { type ContextInput, type FindingsScope, type SourceMetadata } from '../sources/contextSource';

/** The request and its protection settings as plain data: all the core needs to build the prompt. */
export interface RequestInput {
  readonly command: IntentId;
  readonly question: string;
  readonly persona: Persona;
  /** The context, one entry per source (the code under review first, related code after it), as plain data. */
  readonly context: readonly ContextInput[];
  /** Earlier turns with this participant, oldest first. */
  readonly history: readonly HistoryTurn[];
  /** The team's instruction files that may be sent; which apply is decided against the code under review. */
  readonly instructionFiles?: readonly InstructionFile[];
  readonly exclude: readonly string[];
  readonly redactSecrets: boolean;
  readonly maxInputTokens: number;
  readonly charsPerToken?: number;
  readonly t?: Translate;
}

/** The changes of a repository, as the edge read them through the Git extension. */
export interface ChangesData {
  /** Changed files, each under the path the user knows it by (workspace-relative). */
  readonly files: readonly DiffFile[];
  /** Files the edge would not read (the model-access gate refused them, or too large), named in the answer. */
  readonly refused: readonly RefusedFile[];
  /** The resource key (URI string) of each file, by its path: where its findings go. */
  readonly keys: Readonly<Record<string, string>>;
  /** Set when the changes could not be read at all: the one-line answer that says why, and no model request. */
  readonly unavailable?: string;
  /** The repository the changes come from, relative to the workspace, for the metadata. */
  readonly repository?: string;
  /** Why, as a short code for the log (`no-repository`, `nothing-changed`, …): never a name the person typed. */
  readonly unavailableReason?: string;
}

export interface HistoryTurn {
  readonly request: string;
  readonly response: string;
}

/** What was sent of one attached source: for references, and to place findings on the right lines. */
export interface SentPiece {
  readonly key: string;
  readonly uri?: string;
  readonly label: string;
  readonly matchPath: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly totalLines: number;
  readonly complete: boolean;
  /** Read by the model through a tool rather than attached by the user. */
  readonly viaTool?: boolean;
}

/** `refused`: the gate kept the file from the model (a link out of the workspace or to an excluded file). */
export type SkipReason = 'excluded' | 'refused' | 'binary' | 'unreadable' | 'empty';

export interface RequestPlan {
  readonly messages: readonly PromptMessage[];
  /** One-line notes for the top of the answer: what was left out, cut, redacted or looks suspicious. */
  readonly notes: readonly string[];
  readonly sent: readonly SentPiece[];
  /** Sources that were not sent, with the reason, for references and the log. */
  readonly skipped: ReadonlyArray<{ readonly label: string; readonly reason: SkipReason }>;
  /** Set when there is nothing worth a model call: answer with this instead (RELIABILITY R28). */
  readonly answerWithoutModel?: string;
  /** Set when even the persona and task do not fit the model: an error a person can act on. */
  readonly tooLarge?: string;
  readonly estimatedTokens: number;
  readonly budgetTokens: number;
  readonly redactions: number;
  /** Workspace-relative paths of the instruction files sent, in the order sent. */
  readonly instructions: readonly string[];
  /** What was cut, for the log: "src/api.ts lines 40–220 of 1,200", "2 earlier turns", related code. */
  readonly trimmed: readonly string[];
  /** Tokens the code could take once the persona, task, rules and question were counted; related code gets at most a quarter. */
  readonly codeBudgetTokens: number;
  /** What the model was shown of each file, over every source: findings are grounded against it (tool reads add to it). */
  readonly shown: ShownLines;
  /** Where findings must be to be reported (a review of changes: on or near a changed line). */
  readonly findingsScope?: FindingsScope;
  /** The sources' parts of `ChatResult.metadata`. */
  readonly sourceMetadata: SourceMetadata;
}

/** What the model saw of a source: its identity and the window of lines sent. */
export function sentPiece(source: AttachedSource, window: CodeWindow, viaTool = false): SentPiece {
  return {
    key: source.key,
    ...(source.uri === undefined ? {} : { uri: source.uri }),
    label: source.label,
    matchPath: source.matchPath,
    startLine: window.startLine,
    endLine: window.endLine,
    totalLines: window.totalLines,
    complete: window.complete,
    ...(viaTool ? { viaTool } : {}),
  };
}
