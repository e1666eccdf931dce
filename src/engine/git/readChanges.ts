import * as vscode from 'vscode';
import { type RefusedFile } from '../../core/changes/changesContext';
import { type ChangesScope } from '../../core/changes/changesArgs';
import { type DiffFile } from '../../core/changes/diffModel';
import { parseUnifiedDiff } from '../../core/changes/parseDiff';
import { untrackedFile } from '../../core/changes/untracked';
import { decodeFileBytes } from '../../core/context/decode';
import { groupDigits } from '../../core/i18n';
import { t } from '../../common/l10n';
import { GIT_STATUS_UNTRACKED, type GitRepository } from './gitTypes';
import { type ChangedFileAccess, mayChangedFileReachModel, mayChangeSourceReachModel } from './modelAccessGate';
import { withKeysAround } from './readKeysAround';

/** Untracked files larger than this are named, not read: R23's limit for whole files. */
export const MAX_UNTRACKED_BYTES = 5 * 1024 * 1024;

/** The one line that answers when there is nothing to review, and why, as a short code for the log. */
export interface Answer {
  readonly kind: 'answer';
  readonly reason: string;
  readonly text: string;
}

export function answer(reason: string, text: string): Answer {
  return { kind: 'answer', reason, text };
}

export type ReadChanges =
  { readonly kind: 'changes'; readonly files: readonly DiffFile[]; readonly refused: readonly RefusedFile[] } | Answer;

/**
 * Reads what `scope` covers through the Git extension: one diff for the whole repository (`.` is its
 * root, where the Git extension runs git), plus untracked files read from the workspace. Every file
 * whose content is sent passes the model-access gate first.
 */
export async function readChanges(
  repository: GitRepository,
  scope: ChangesScope,
  isExcluded: (path: string) => boolean,
): Promise<ReadChanges> {
  // git diff reads the files on disk, not the Git extension's state: it runs (and its files are
  // checked) while that state refreshes. Its error, if any, is taken after the check for commits.
  const tracked = readTracked(repository, scope);
  tracked.catch(() => undefined);
  // The Git extension refreshes its state on a timer: ask now, so HEAD and the untracked files are as of
  // now (a file created a moment ago is seen).
  await repository.status();
  if (!repository.state.HEAD?.commit)
    return answer(
      'no-commits',
      t('This repository has no commits yet, so there is nothing to compare with. Make a first commit, then ask again.'),
    );
  const gated = await tracked;
  if (gated.kind === 'answer') return gated;
  const untracked = scope.kind === 'staged' ? [] : untrackedUris(repository);
  const read = await Promise.all(untracked.map((uri) => readUntracked(repository, uri, isExcluded)));
  const files = [...gated.files, ...read.flatMap((one) => (one.file ? [one.file] : []))];
  const refused = [...gated.refused, ...read.flatMap((one) => (one.refused ? [one.refused] : []))];
  if (files.length === 0 && refused.length === 0) return answer('nothing-changed', nothingChanged(scope));
  return { kind: 'changes', files, refused };
}

/** The tracked changes `scope` covers, in one diff, with the files that may reach the model kept. */
async function readTracked(repository: GitRepository, scope: ChangesScope): Promise<ReadChanges> {
  const base = await baseOf(repository, scope);
  if (base.kind === 'answer') return base;
  const diff = scope.kind === 'staged' ? await repository.diffIndexWithHEAD('.') : await repository.diffWith(base.revision, '.');
  const gated = await gateTracked(repository, parseUnifiedDiff(diff));
  // Only files whose bytes may reach the model are read whole, for the keys around their hunks.
  return { kind: 'changes', files: await withKeysAround(repository, scope, base.revision, gated.files), refused: gated.refused };
}

async function baseOf(repository: GitRepository, scope: ChangesScope): Promise<{ kind: 'base'; revision: string } | Answer> {
  if (scope.kind !== 'ref') return { kind: 'base', revision: 'HEAD' };
  if (!scope.known)
    return answer(
      'unknown-ref',
      t(
        'There is no branch, tag or commit named "{0}" in this repository. Check the name (for example: /changes main), then ask again.',
        scope.ref,
      ),
    );
  const mergeBase = await repository.getMergeBase(scope.ref, 'HEAD').catch(() => undefined);
  if (!mergeBase)
    return answer(
      'no-common-history',
      t('"{0}" and the current branch have no common history, so there is no base to compare with.', scope.ref),
    );
  return { kind: 'base', revision: mergeBase };
}

function nothingChanged(scope: ChangesScope): string {
  if (scope.kind === 'staged')
    return t('Nothing is staged. Stage the changes to review (or use /changes for all uncommitted changes), then ask again.');
  if (scope.kind === 'ref') return t('Nothing has changed since the merge base with "{0}".', scope.ref);
  return t('There are no uncommitted changes in this repository. Change something, or review a branch with /changes <branch>.');
}

function untrackedUris(repository: GitRepository): vscode.Uri[] {
  const state = repository.state;
  const all = [...state.workingTreeChanges, ...(state.untrackedChanges ?? [])];
  const seen = new Set<string>();
  return all
    .filter((change) => change.status === GIT_STATUS_UNTRACKED)
    .map((change) => change.uri)
    .filter((uri) => !seen.has(uri.toString()) && seen.add(uri.toString()));
}

function relativePath(repository: GitRepository, uri: vscode.Uri): string {
  const root = repository.rootUri.path.replace(/\/$/, '');
  return uri.path.startsWith(root + '/') ? uri.path.slice(root.length + 1) : vscode.workspace.asRelativePath(uri, false);
}

async function gateTracked(repository: GitRepository, files: readonly DiffFile[]): Promise<{ files: DiffFile[]; refused: RefusedFile[] }> {
  const verdicts = await Promise.all(files.map((file) => gateOne(repository, file)));
  const kept: DiffFile[] = [];
  const refused: RefusedFile[] = [];
  files.forEach((file, index) => {
    const verdict = verdicts[index];
    if (verdict?.kind === 'refused' || verdict?.kind === 'unreadable') refused.push({ path: file.path, reason: verdict.reason });
    else kept.push(file);
  });
  return { files: kept, refused };
}

/** A changed file, and the file a rename or a copy took its lines from: refused if either is. */
async function gateOne(repository: GitRepository, file: DiffFile): Promise<ChangedFileAccess> {
  // A deleted file is sent by name only: no bytes of it to check.
  if (file.status === 'deleted') return { kind: 'allowed' };
  const [own, source] = await Promise.all([
    mayChangedFileReachModel(vscode.Uri.joinPath(repository.rootUri, file.path)),
    file.oldPath === undefined ? undefined : mayChangeSourceReachModel(vscode.Uri.joinPath(repository.rootUri, file.oldPath)),
  ]);
  return own.kind !== 'allowed' || source === undefined ? own : source;
}

async function readUntracked(
  repository: GitRepository,
  uri: vscode.Uri,
  isExcluded: (path: string) => boolean,
): Promise<{ file?: DiffFile; refused?: RefusedFile }> {
  const path = relativePath(repository, uri);
  // Named as excluded by the core, never read. Matched relative to its own workspace folder, as the core does.
  if (isExcluded(vscode.workspace.asRelativePath(uri, false))) return { file: namedOnly(path, false) };
  const access = await mayChangedFileReachModel(uri);
  if (access.kind !== 'allowed') return { refused: { path, reason: access.reason } };
  if ((access.size ?? 0) > MAX_UNTRACKED_BYTES)
    return { refused: { path, reason: t('it is a new file of {0} bytes, over the 5 MB limit', groupDigits(access.size ?? 0)) } };
  const decoded = decodeFileBytes(await vscode.workspace.fs.readFile(uri));
  if (decoded.kind === 'binary') return { file: namedOnly(path, true) };
  if (decoded.kind !== 'text') return { refused: { path, reason: t('it is not UTF-8 or UTF-16 text') } };
  return { file: untrackedFile(path, decoded.text) };
}

/** A new file named in the answer without its lines (excluded, or binary). */
function namedOnly(path: string, binary: boolean): DiffFile {
  return { path, status: 'added', binary, hunks: [], added: 0, removed: 0 };
}
