import { type Translate } from '../i18n';
import { inertName } from '../protect/inertName';
import { type RelatedCandidate, type RelatedMetadata } from '../related/relatedCode';
import { hiddenCharactersNote } from '../request/codeNotes';
import { sentPiece, type SentPiece } from '../request/plan';
import {
  shownFromSent,
  type ContextSource,
  type FittedSource,
  type ScreenedSource,
  type SourceBudget,
  type SourceProtection,
} from './contextSource';
import { fitRelated, type FittedRelated, type RelatedFit } from './fitRelated';
import { acceptedRelated } from './acceptedRelated';
import { relatedAsSource } from './renderRelated';

/** At most this many of the related pieces that did not fit are named; the rest are counted. */
const NAMED_CUTS = 5;

/**
 * The code a senior reviewer would open beside the code under review (definitions it uses, the types it
 * names, its callers), found by the edge. It is never what a request is about: it takes what the code
 * under review left, at most a quarter of the code budget (the pipeline grants the share).
 */
export function relatedSource(candidates: readonly RelatedCandidate[]): ContextSource {
  return {
    kind: 'related',
    role: 'related',
    // Related code is context, never reviewed itself: nothing is looked up around it.
    underReview: () => [],
    screen: (protection) => screenRelated(candidates, protection),
  };
}

function screenRelated(candidates: readonly RelatedCandidate[], protection: SourceProtection): ScreenedSource {
  const ranked = acceptedRelated(candidates, protection.exclude);
  return {
    notes: [],
    skipped: [],
    paths: [],
    candidates: 0,
    reservedTokens: 0,
    fit: (budget) => fitRelatedSource(ranked, budget, protection),
  };
}

async function fitRelatedSource(
  ranked: readonly RelatedCandidate[],
  budget: SourceBudget,
  protection: SourceProtection,
): Promise<FittedSource> {
  const result = await fitRelated(ranked, {
    tokens: Math.max(0, budget.tokens),
    charsPerToken: budget.charsPerToken,
    redactSecrets: protection.redactSecrets,
    alreadyShown: budget.alreadyShown,
    t: protection.t,
  });
  const sent = result.fitted.map(sentRelated);
  return {
    kind: 'related',
    role: 'related',
    pieces: result.fitted.map((piece) => piece.rendered.text),
    sent,
    notes: relatedNotes(result, protection.t),
    trimmed: relatedTrimmed(result.cut, protection.t),
    redactions: result.fitted.reduce((sum, piece) => sum + piece.rendered.redactions, 0),
    whole: result.cut.length === 0,
    ground: () => shownFromSent(sent),
    metadata: () => ({ related: result.fitted.map(relatedMetadata) }),
  };
}

/** What was sent, in the shape of an attached piece: its key is its file's URI. */
function sentRelated({ candidate, window }: FittedRelated): SentPiece {
  return sentPiece(relatedAsSource(candidate), window);
}

function relatedMetadata({ candidate, window }: FittedRelated): RelatedMetadata {
  return {
    path: inertName(candidate.label),
    startLine: window.startLine,
    endLine: window.endLine,
    symbol: inertName(candidate.symbol),
    reason: candidate.reason,
  };
}

/** For the log and the metadata: the first few cut by name, the rest counted. */
function relatedTrimmed(cut: readonly RelatedCandidate[], t: Translate): string[] {
  const named = cut
    .slice(0, NAMED_CUTS)
    .map((candidate) => t('related code {0} in {1}', inertName(candidate.symbol), inertName(candidate.label)));
  return cut.length > NAMED_CUTS ? [...named, t('{0} more pieces of related code', cut.length - NAMED_CUTS)] : named;
}

/**
 * What was cut, by name (the first few), and what looks hidden in what was sent. Notes are plain text
 * (names made inert); whoever shows them as markdown escapes them (`notesMarkdown`).
 */
function relatedNotes(result: RelatedFit, t: Translate): string[] {
  const notes: string[] = [];
  for (const { candidate, rendered } of result.fitted)
    if (rendered.hidden.length > 0) notes.push(hiddenCharactersNote(inertName(candidate.label), rendered.hidden, t));
  if (result.cut.length === 0) return notes;
  const named = result.cut
    .slice(0, NAMED_CUTS)
    .map((candidate) => t('{0} in {1}', inertName(candidate.symbol), inertName(candidate.label)));
  const more = result.cut.length > NAMED_CUTS ? t(' and {0} more', result.cut.length - NAMED_CUTS) : '';
  notes.push(t("Related code left out to fit the model's input limit: {0}{1}.", named.join(', '), more));
  return notes;
}
