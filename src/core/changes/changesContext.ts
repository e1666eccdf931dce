import { exclusionOf, type Exclusion } from '../context/exclude';
import { exclusionReason } from '../context/exclusionReason';
import { looksBinary } from '../context/decode';
import { english, type Translate } from '../i18n';
import { ChangedLines } from './changedLines';
import { type DiffFile, hunkRange } from './diffModel';
import { fitDiff, type FittedFile } from './fitDiff';
import { redactDiff } from './redactDiff';
import { renderDeletedFile, renderDiffFile } from './renderDiff';
import { inertName } from '../protect/inertName';

/** A changed file the adapter could not or would not read, with a one-line reason for the answer. */
export interface RefusedFile {
  readonly path: string;
  readonly reason: string;
}

export interface ChangesInput {
  readonly files: readonly DiffFile[];
  /** Files refused before their text was read (outside the workspace, too large, unreadable). */
  readonly refused?: readonly RefusedFile[];
  readonly exclude: readonly string[];
  readonly redactSecrets: boolean;
  /** Rendered characters the changes may take in the prompt. */
  readonly budgetChars: number;
  readonly t?: Translate;
}

/** `metadata.changes`: files changed, lines added and removed, changed lines the model did not see. */
export interface ChangesStats {
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  readonly omitted: number;
}

export interface SentChange {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  /** The new-version lines of each hunk sent (of its head, for a hunk sent in part): what the model saw. */
  readonly hunks: ReadonlyArray<{ readonly startLine: number; readonly endLine: number }>;
}

export interface ChangesContext {
  /** One user message per changed file. The count of redactions is in `redactions`, not in the notes. */
  readonly pieces: readonly string[];
  /** The new-version lines sent of each file, for placing findings. */
  readonly sent: readonly SentChange[];
  readonly notes: readonly string[];
  /** Files named in the "what was cut" line: nothing or only part of them fitted. */
  readonly cut: readonly string[];
  readonly redactions: number;
  readonly stats: ChangesStats;
  readonly changedLines: ChangedLines;
}

/**
 * The changes as prompt pieces: excluded and binary files named and never sent, deleted files by name
 * only, the rest fitted into the budget whole hunk by whole hunk, then redacted. Only what is sent is
 * scanned for secrets, so a huge diff costs no more than the budget.
 */
export async function buildChangesContext(input: ChangesInput): Promise<ChangesContext> {
  const t = input.t ?? english;
  const notes: string[] = (input.refused ?? []).map((file) => t('{0} was not sent: {1}', inertName(file.path), file.reason));
  const reviewable: DiffFile[] = [];
  const deleted: DiffFile[] = [];
  for (const file of input.files) {
    const exclusion = excludedBy(file, input.exclude);
    if (exclusion !== undefined) notes.push(t('{0} was not sent: {1}.', inertName(file.path), exclusionReason(exclusion, t)));
    else if (file.binary || file.hunks.some((hunk) => hunk.lines.some((line) => looksBinary(line.text))))
      notes.push(t('{0} was not sent: it is a binary file, not source code.', inertName(file.path)));
    else if (file.status === 'deleted') deleted.push(file);
    else reviewable.push(file);
  }
  const deletedPieces = deleted.map((file) => renderDeletedFile(file, t));
  const budget = input.budgetChars - deletedPieces.reduce((sum, piece) => sum + piece.length + 1, 0);
  const fitted = await fitAndRedact(reviewable, budget, input.redactSecrets);
  const cut = [
    ...fitted.cutFiles.map((file) => inertName(file.path)),
    ...fitted.files.filter((file) => file.leftOut.length > 0).map((file) => t('{0} (part of it)', inertName(file.file.path))),
  ];
  if (cut.length > 0) notes.push(t("Left out to fit the model's input limit: {0}.", cut.join(', ')));
  return {
    pieces: [...fitted.files.map((file) => renderDiffFile(file, t)), ...deletedPieces],
    sent: fitted.files.flatMap(({ file }) => {
      const hunks = file.hunks.map(hunkRange).map((hunk) => ({ startLine: hunk.from, endLine: hunk.to }));
      // The new-version lines the sent file covers, from its first hunk to its last.
      const [first, last] = [hunks[0], hunks.at(-1)];
      return first && last ? [{ path: file.path, from: first.startLine, to: last.endLine, hunks }] : [];
    }),
    notes,
    cut,
    redactions: fitted.redactions,
    stats: statsOf(input.files, fitted.files),
    changedLines: new ChangedLines(fitted.files.map((file) => file.file)),
  };
}

/**
 * The pattern that excludes a changed file, by its own path or by the path its lines came from (a
 * rename's or a copy's source), each matched relative to its own workspace folder.
 */
function excludedBy(file: DiffFile, exclude: readonly string[]): Exclusion | undefined {
  const oldPath = file.oldMatchPath ?? file.oldPath;
  return exclusionOf(file.matchPath ?? file.path, exclude) ?? (oldPath === undefined ? undefined : exclusionOf(oldPath, exclude));
}

interface FitResult {
  readonly files: readonly FittedFile[];
  readonly cutFiles: readonly DiffFile[];
  readonly redactions: number;
}

async function fitAndRedact(reviewable: readonly DiffFile[], budget: number, redact: boolean): Promise<FitResult> {
  const first = fitDiff(reviewable, budget);
  if (!redact) return { ...first, redactions: 0 };
  const redacted = await redactDiff(first.files.map((file) => file.file));
  // A placeholder can be longer than the secret it hides: fit the redacted hunks again.
  const again = fitDiff(redacted.files, budget);
  const before = new Map(first.files.map((file) => [file.file.path, file]));
  const files = again.files.map((file): FittedFile => {
    const earlier = before.get(file.file.path);
    return earlier ? mergeFits(earlier, file) : file;
  });
  const cutFiles = [...first.cutFiles, ...again.cutFiles];
  return { files, cutFiles, redactions: redacted.count };
}

/** The second fit works on what the first kept; what either left out is left out. */
function mergeFits(first: FittedFile, second: FittedFile): FittedFile {
  const partial = first.partial ?? second.partial;
  return { ...second, totalHunks: first.totalHunks, leftOut: [...first.leftOut, ...second.leftOut], ...(partial ? { partial } : {}) };
}

function statsOf(all: readonly DiffFile[], sent: readonly FittedFile[]): ChangesStats {
  let added = 0;
  let removed = 0;
  for (const file of all) {
    added += file.added;
    removed += file.removed;
  }
  let shown = 0;
  for (const { file } of sent) for (const hunk of file.hunks) for (const line of hunk.lines) if (line.kind !== 'context') shown++;
  return { files: all.length, added, removed, omitted: added + removed - shown };
}
