import type * as vscode from 'vscode';
import { type RefusedFile } from '../../core/changes/changesContext';
import { parseChangesArgs, type ChangesRequest } from '../../core/changes/changesArgs';
import { type DiffFile } from '../../core/changes/diffModel';
import { excludingPattern } from '../../core/context/exclude';
import { t } from '../l10n';
import { chooseRepository } from './chooseRepository';
import { gitAccess } from './gitApi';
import { type GitRepository } from './gitTypes';
import { readChanges } from './readChanges';

export type GatheredChanges =
  | { readonly kind: 'answer'; readonly text: string }
  | {
      readonly kind: 'changes';
      readonly request: ChangesRequest;
      readonly files: readonly DiffFile[];
      readonly refused: readonly RefusedFile[];
      /** The repository's root, for the scope of settings and for the record. */
      readonly root: vscode.Uri;
    };

/**
 * The changes `/changes <args>` (or the agent's tool, with the request already read) asks for, read through the Git extension; or, when there is nothing to
 * review (no Git, no repository, no commits, an unknown ref, nothing changed), the one-line answer
 * that says what to do, and no model request follows.
 */
export async function gatherChanges(
  prompt: string | ChangesRequest,
  exclude: (root: vscode.Uri) => readonly string[],
): Promise<GatheredChanges> {
  const access = await gitAccess();
  if (access.kind !== 'ready') return { kind: 'answer', text: unavailable(access.kind) };
  const repository = await chooseRepository(access.api);
  if (!repository)
    return {
      kind: 'answer',
      text:
        access.api.repositories.length === 0
          ? t('No Git repository is open here. Open a folder that is a Git repository (or run Git: Initialize Repository), then ask again.')
          : t('No repository was chosen, so there is nothing to review.'),
    };
  const request =
    typeof prompt === 'string'
      ? await parseChangesArgs(prompt, (revision) => refExists(repository, revision))
      : await checkedRef(prompt, repository);
  const patterns = exclude(repository.rootUri);
  const read = await readChanges(repository, request.scope, (path) => excludingPattern(path, patterns) !== undefined);
  if (read.kind === 'answer') return read;
  return { kind: 'changes', request, files: read.files, refused: read.refused, root: repository.rootUri };
}

/** A request that named its ref outright (the agent's tool): whether the ref exists is asked here. */
async function checkedRef(request: ChangesRequest, repository: GitRepository): Promise<ChangesRequest> {
  if (request.scope.kind !== 'ref') return request;
  return { ...request, scope: { ...request.scope, known: await refExists(repository, request.scope.ref) } };
}

function refExists(repository: GitRepository, revision: string): Promise<boolean> {
  return repository.getCommit(revision).then(
    () => true,
    () => false,
  );
}

function unavailable(kind: 'restricted' | 'missing' | 'disabled'): string {
  switch (kind) {
    case 'restricted':
      return t(
        'Git is not available in Restricted Mode, so /changes cannot read your changes. Trust this workspace (Manage Workspace Trust), then ask again.',
      );
    case 'missing':
      return t(
        'The Git extension is not installed or not running, so /changes cannot read your changes. Enable the built-in Git extension, then ask again.',
      );
    default:
      return t('Git is disabled (setting git.enabled), so /changes cannot read your changes. Turn it on, then ask again.');
  }
}
