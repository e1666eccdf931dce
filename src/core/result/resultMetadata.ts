import { definedOnly } from './definedOnly';
import { type IntentSpec } from '../intents/intentTable';
import { type ModelErrorKind } from '../errors/classifyError';
import { type SourceMetadata } from '../sources/contextSource';

/** How a request ended; the model's own failures are named by their error kind. */
export type Outcome = 'ok' | 'answered-without-model' | 'too-large' | 'empty' | ModelErrorKind;

/**
 * `ChatResult.metadata` of every `@architect` answer: built once when the answer ends, read back (by
 * the follow-up provider, by tests) through `isResultMetadata`.
 */
export interface ResultMetadata extends SourceMetadata {
  /** The slash command, or null for a free question. */
  readonly command: string | null;
  readonly persona: string;
  readonly personaWarning?: string;
  readonly model: string;
  /** Findings placed as diagnostics. */
  readonly findings: number;
  /** Findings left out because the team ignored them (commands that expect findings). */
  readonly ignored?: number;
  /**
   * Findings left out as not grounded (commands that expect findings): about code the model was not
   * shown in the answer, or with evidence the shown code does not hold.
   */
  readonly ungrounded?: number;
  readonly redactions: number;
  readonly skipped: number;
  /** Workspace-relative paths of the team's instruction files sent with the request. */
  readonly instructions: readonly string[];
  readonly trimmed: readonly string[];
  readonly estimatedTokens: number;
  readonly countTokensCalls: number;
  /** The one-line notes shown at the top of the answer. */
  readonly notes: readonly string[];
  readonly toolRounds?: number;
  readonly toolCalls?: number;
  /** A review of changes: findings left out because they are not on or near a changed line. */
  readonly findingsOutsideChanges?: number;
  /** The short answer given instead of a model request (outcome `answered-without-model`). */
  readonly answerWithoutModel?: string;
  readonly outcome: Outcome;
}

/**
 * What the pipeline knows when a request ends: the metadata's fields, with the command and tool counts as
 * it has them, and each context source's own part as the sources made it.
 */
export type MetadataFacts = Omit<ResultMetadata, 'command' | 'toolRounds' | 'toolCalls' | keyof SourceMetadata> & {
  readonly spec: IntentSpec;
  readonly tools?: { readonly rounds: number; readonly calls: number };
  readonly sources: SourceMetadata;
};

export function resultMetadata(facts: MetadataFacts): ResultMetadata {
  const { spec, tools, sources, ...fields } = facts;
  return definedOnly({
    command: spec.slash,
    ...fields,
    toolRounds: tools?.rounds,
    toolCalls: tools?.calls,
    // The sources' parts (`changes`, `repository`, `related`, …): a new kind of context adds its field to
    // `SourceMetadata` and nothing here.
    ...sources,
  });
}

export function isResultMetadata(value: unknown): value is ResultMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    (candidate['command'] === null || typeof candidate['command'] === 'string') &&
    typeof candidate['persona'] === 'string' &&
    typeof candidate['model'] === 'string' &&
    typeof candidate['findings'] === 'number' &&
    typeof candidate['outcome'] === 'string' &&
    Array.isArray(candidate['notes']) &&
    Array.isArray(candidate['trimmed'])
  );
}
