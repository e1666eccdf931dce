import { MESSAGE_OVERHEAD_TOKENS } from '../budget/budgetPolicy';
import { type ChangedLines } from '../changes/changedLines';
import { buildChangesContext, type ChangesContext } from '../changes/changesContext';
import { type DiffFile } from '../changes/diffModel';
import { type LineRange } from '../findings/shownLines';
import { type Translate } from '../i18n';
import { type ChangesData, type SentPiece } from '../request/plan';
import {
  shownFromSent,
  type ContextSource,
  type FindingsScope,
  type FittedSource,
  type ReviewTarget,
  type ScreenedSource,
  type SourceBudget,
  type SourceProtection,
} from './contextSource';

/**
 * The changes of a repository (`/changes`): one message per changed file, whole hunks within the budget,
 * excluded and binary files named and never sent, secrets redacted in added and removed lines. Findings
 * must be on or near a changed line.
 */
export function changesSource(changes: ChangesData): ContextSource {
  return {
    kind: 'changes',
    role: 'under-review',
    underReview: () => changes.files.flatMap((file) => changedTarget(file, changes.keys)),
    screen: (protection) => screenChanges(changes, protection),
  };
}

/** The runs of added lines of a file, in new-version numbers: what the changed lines use is related code. */
function changedTarget(file: DiffFile, keys: ChangesData['keys']): ReviewTarget[] {
  const key = keys[file.path];
  if (key === undefined || file.status === 'deleted') return [];
  const ranges: LineRange[] = [];
  for (const hunk of file.hunks)
    for (const line of hunk.lines) {
      if (line.kind !== 'add') continue;
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last.endLine + 1 === line.newLine)
        ranges[ranges.length - 1] = { startLine: last.startLine, endLine: line.newLine };
      else ranges.push({ startLine: line.newLine, endLine: line.newLine });
    }
  return ranges.length === 0 ? [] : [{ key, ranges }];
}

function screenChanges(changes: ChangesData, protection: SourceProtection): ScreenedSource {
  // Exclusion and binary content are judged per file while fitting (buildChangesContext), where the
  // note for each file is written; here only what the gather phase could not read at all.
  return {
    notes: [],
    skipped: [],
    paths: changes.files.map((file) => file.path),
    candidates: changes.files.length + changes.refused.length,
    reservedTokens: 0,
    ...(changes.unavailable === undefined ? {} : { unavailable: changes.unavailable }),
    fit: (budget) => fitChanges(changes, budget, protection),
  };
}

async function fitChanges(changes: ChangesData, budget: SourceBudget, protection: SourceProtection): Promise<FittedSource> {
  const perFile = changes.files.length * MESSAGE_OVERHEAD_TOKENS;
  const context = await buildChangesContext({
    files: changes.files,
    refused: changes.refused,
    exclude: protection.exclude,
    redactSecrets: protection.redactSecrets,
    budgetChars: Math.max(0, Math.floor((budget.tokens - perFile) * budget.charsPerToken)),
    t: protection.t,
  });
  const sent = sentPieces(context, changes.keys);
  return {
    kind: 'changes',
    role: 'under-review',
    pieces: context.pieces,
    sent,
    notes: context.notes,
    trimmed: context.cut,
    redactions: context.redactions,
    whole: context.cut.length === 0,
    findingsScope: onChangedLines(context.changedLines),
    ground: () => shownFromSent(sent),
    metadata: () => ({ changes: context.stats, ...(changes.repository === undefined ? {} : { repository: changes.repository }) }),
  };
}

/** A review of changes does not comment on untouched code as if it were new. */
function onChangedLines(changed: ChangedLines): FindingsScope {
  return {
    touches: (path, line, endLine) => changed.touches(path, line, endLine),
    outsideNote: (count: number, t: Translate) => t('{0} other findings were left out: they are not on or near a changed line.', count),
  };
}

/** Each file sent, as a piece findings can be placed on: the new-version lines its hunks cover. */
function sentPieces(context: ChangesContext, keys: ChangesData['keys']): SentPiece[] {
  return context.sent.map((file) => {
    const key = keys[file.path] ?? file.path;
    return {
      key,
      ...(keys[file.path] === undefined ? {} : { uri: key }),
      label: file.path,
      matchPath: file.path,
      startLine: file.from,
      endLine: file.to,
      totalLines: file.to,
      complete: false,
    };
  });
}
