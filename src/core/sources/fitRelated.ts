import { estimateMessagesTokens, MESSAGE_OVERHEAD_TOKENS } from '../budget/budgetPolicy';
import { isShown, type ShownLines } from '../findings/shownLines';
import { LineIndex } from '../context/lineIndex';
import { linePrefixWidth, windowText, type CodeWindow } from '../context/window';
import { type Translate } from '../i18n';
import { type RenderedPiece } from '../prompt/renderPiece';
import { secretsNear } from '../redact/secretsNear';
import { type RelatedCandidate } from '../related/relatedCode';
import { renderRelated } from './renderRelated';

/** Characters of a related piece's header (path, symbol, why, language, lines), counted generously. */
export const RELATED_HEADER_CHARS = 500;
/** A window smaller than this says too little to be worth its header. */
export const MIN_RELATED_WINDOW_CHARS = 240;

export interface FittedRelated {
  readonly candidate: RelatedCandidate;
  readonly window: CodeWindow;
  readonly rendered: RenderedPiece;
}

export interface RelatedFit {
  readonly fitted: readonly FittedRelated[];
  /** Ranked candidates that did not fit. */
  readonly cut: readonly RelatedCandidate[];
}

export interface RelatedBudget {
  /** Tokens the related pieces may take in all, message overheads included. */
  readonly tokens: number;
  readonly charsPerToken: number;
  readonly redactSecrets: boolean;
  readonly alreadyShown: ShownLines;
  readonly t: Translate;
}

/**
 * Fits ranked candidates into the related share, best first: the whole declaration when it fits, else a
 * window around its first line; a candidate the code under review already shows is not repeated. The
 * rendered piece (placeholders and hidden-character markers included) is what is charged, counted the
 * way the request's estimate counts it.
 */
export async function fitRelated(ranked: readonly RelatedCandidate[], budget: RelatedBudget): Promise<RelatedFit> {
  const indexes = new Map<string, LineIndex>();
  const fitted: FittedRelated[] = [];
  const cut: RelatedCandidate[] = [];
  let left = budget.tokens;
  for (const candidate of ranked) {
    if (isShown(budget.alreadyShown, candidate.key, candidate)) continue;
    // One token of rounding and the message overhead are kept aside, so the estimate never exceeds the share.
    const codeChars = Math.floor((left - MESSAGE_OVERHEAD_TOKENS - 1) * budget.charsPerToken) - RELATED_HEADER_CHARS;
    if (codeChars < MIN_RELATED_WINDOW_CHARS) {
      cut.push(candidate);
      continue;
    }
    const index = indexes.get(candidate.key) ?? new LineIndex(candidate.text);
    indexes.set(candidate.key, index);
    const piece = await renderCandidate(candidate, index, codeChars, budget);
    const cost = piece === undefined ? Infinity : estimateMessagesTokens([piece.rendered.text], budget.charsPerToken);
    if (piece === undefined || cost > left) cut.push(candidate);
    else {
      fitted.push(piece);
      left -= cost;
    }
  }
  return { fitted, cut };
}

async function renderCandidate(
  candidate: RelatedCandidate,
  index: LineIndex,
  codeChars: number,
  budget: RelatedBudget,
): Promise<FittedRelated | undefined> {
  const window = declarationWindow(candidate, index, codeChars);
  if (window.lines.length === 0) return undefined;
  const secrets = budget.redactSecrets ? await secretsNear(candidate.text, window, { path: candidate.matchPath || candidate.label }) : [];
  return { candidate, window, rendered: renderRelated(candidate, window, secrets, budget.t) };
}

/** The declaration's lines when they fit in `codeChars`; otherwise as much as fits around its first line. */
export function declarationWindow(candidate: RelatedCandidate, index: LineIndex, codeChars: number): CodeWindow {
  const first = Math.min(candidate.startLine, index.lineCount);
  const last = Math.min(Math.max(candidate.endLine, first), index.lineCount);
  const wanted = index.start(last) + index.length(last) - index.start(first) + (last - first + 1) * (linePrefixWidth(index.lineCount) + 1);
  if (wanted <= codeChars) return windowText(candidate.text, { kind: 'selection', startLine: first, endLine: last }, wanted, index);
  return windowText(candidate.text, { kind: 'cursor', startLine: first, endLine: first }, codeChars, index);
}
