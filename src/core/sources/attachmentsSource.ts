import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from '../budget/budgetPolicy';
import { type AttachedSource } from '../context/attachment';
import { LineIndex } from '../context/lineIndex';
import { type CodeWindow } from '../context/window';
import { attachedPaths } from '../instructions/requestInstructions';
import { reportCode } from '../request/codeNotes';
import { fitCode, renderedLength } from '../request/fitCode';
import { sentPiece } from '../request/plan';
import { screenSources, type Screened, type TextSource } from '../request/screenSources';
import {
  shownFromSent,
  type ContextSource,
  type FittedSource,
  type ReviewTarget,
  type ScreenedSource,
  type SourceBudget,
  type SourceProtection,
} from './contextSource';

/** Extra characters of the piece header beyond the code, counted generously. */
const HEADER_ALLOWANCE_CHARS = 400;

/**
 * The attached code (references, the editor's selection or file): screened file by file, then windowed
 * around the selection within the budget, each piece rendered with its header and numbered lines.
 */
export function attachmentsSource(sources: readonly AttachedSource[]): ContextSource {
  return {
    kind: 'attachments',
    role: 'under-review',
    underReview: () => sources.flatMap(attachmentTarget),
    screen: (protection) => screenAttachments(sources, protection),
  };
}

/** A selection or viewport is what is reviewed; with only a cursor, the whole file is. */
function attachmentTarget(source: AttachedSource): ReviewTarget[] {
  if (source.uri === undefined || source.content.kind !== 'text') return [];
  const focus = source.focus;
  const range =
    focus !== undefined && focus.kind !== 'cursor'
      ? { startLine: focus.startLine, endLine: focus.endLine }
      : { startLine: 1, endLine: new LineIndex(source.content.text).lineCount };
  return [{ key: source.key, ranges: [range] }];
}

function screenAttachments(sources: readonly AttachedSource[], protection: SourceProtection): ScreenedSource {
  const screened = screenSources(sources, protection.exclude, protection.t);
  const headerTokens = MESSAGE_OVERHEAD_TOKENS + estimateTokens(' '.repeat(HEADER_ALLOWANCE_CHARS), protection.charsPerToken);
  return {
    notes: screened.notes,
    skipped: screened.skipped,
    paths: attachedPaths(sources),
    candidates: screened.usable.length,
    reservedTokens: screened.usable.length * headerTokens,
    fit: (budget) => fitAttachments(screened, budget, protection),
  };
}

/** Whole pieces when they fit; otherwise each windowed around its focus, the budget shared among them. */
async function fitAttachments(screened: Screened, budget: SourceBudget, protection: SourceProtection): Promise<FittedSource> {
  const usable = screened.usable;
  // One line index per file, shared by the size estimate and every windowing attempt: 5 MB is scanned once.
  const indexes = usable.map((source) => new LineIndex(source.content.text));
  const wholeChars = usable.map((source, index) => renderedLength(source.content.text, indexes[index] as LineIndex));
  const wholeTokens = wholeChars.reduce((sum, chars) => sum + Math.ceil(chars / budget.charsPerToken), 0);
  const fitted = await fitCode({
    usable,
    indexes,
    wholeChars,
    codeFits: wholeTokens <= budget.tokens,
    codeBudgetChars: Math.floor(budget.tokens * budget.charsPerToken),
    budgetTokens: budget.budgetTokens,
    charsPerToken: budget.charsPerToken,
    redactSecrets: protection.redactSecrets,
    frame: (pieces) => [...budget.frame(pieces)],
    t: protection.t,
  });
  const code = reportCode(usable, fitted.windows, fitted.rendered, protection.t);
  const sentIndexes = usable.flatMap((_, index) => ((fitted.windows[index]?.lines.length ?? 0) > 0 ? [index] : []));
  const sent = sentIndexes.map((index) => sentPiece(usable[index] as TextSource, fitted.windows[index] as CodeWindow));
  return {
    kind: 'attachments',
    role: 'under-review',
    pieces: sentIndexes.map((index) => fitted.rendered[index]?.text ?? ''),
    sent,
    notes: code.notes,
    trimmed: code.trimmed,
    redactions: fitted.rendered.reduce((sum, piece) => sum + piece.redactions, 0),
    whole: fitted.windows.every((window) => window.complete),
    ground: () => shownFromSent(sent),
    metadata: () => ({}),
  };
}
