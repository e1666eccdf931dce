import type * as vscode from 'vscode';
import { markdownName } from '../../core/protect/inertName';
import { type RefusedFile } from '../../core/changes/changesContext';
import { parseChangesArgs, type ChangesRequest } from '../../core/changes/changesArgs';
import { type DiffFile } from '../../core/changes/diffModel';
import { excludingPattern } from '../../core/context/exclude';
import { t } from '../../common/l10n';
import { chooseRepository } from './chooseRepository';
import { gitAccess } from './gitApi';
import { type GitRepository } from './gitTypes';
import { answer, type Answer, readChanges } from './readChanges';

/** The command behind the button that opens a repository Git has not opened, with its root as argument. */
export const OPEN_REPOSITORY_COMMAND = 'architect.openRepository';

export type GatheredChanges =
  | (Answer & {
      /** What the person can do about it at once (a button under the answer). */
      readonly action?: vscode.Command;
    })
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
  if (access.kind !== 'ready') return answer(`git-${access.kind}`, unavailable(access.kind));
  const chosen = await chooseRepository(access.api);
  if (chosen.kind === 'unopened') return unopenedAnswer(chosen.root);
  if (chosen.kind === 'none')
    return access.api.repositories.length === 0
      ? answer(
          'no-repository',
          t('No Git repository is open here. Open a folder that is a Git repository (or run Git: Initialize Repository), then ask again.'),
        )
      : answer('no-repository-chosen', t('No repository was chosen, so there is nothing to review.'));
  const repository = chosen.repository;
  const request =
    typeof prompt === 'string'
      ? await parseChangesArgs(prompt, (revision) => refExists(repository, revision))
      : await checkedRef(prompt, repository);
  const patterns = exclude(repository.rootUri);
  const read = await readChanges(repository, request.scope, (path) => excludingPattern(path, patterns) !== undefined);
  if (read.kind === 'answer') return read;
  return { kind: 'changes', request, files: read.files, refused: read.refused, root: repository.rootUri };
}

/**
 * The folder lies inside a repository (a clone's examples/, say) that Git has not opened: it is opened,
 * not initialized (that would make a repository inside the repository).
 */
function unopenedAnswer(root: vscode.Uri): GatheredChanges {
  const where = root.scheme === 'file' ? root.fsPath : root.toString(true);
  return {
    ...answer(
      'repository-not-opened',
      t(
        'This folder is inside the Git repository at {0}, which Git has not opened in this window. Open it (the button below, or Source Control → Open Repository), then ask again.',
        markdownName(where),
      ),
    ),
    action: { title: t('Open Repository and Review Changes'), command: OPEN_REPOSITORY_COMMAND, arguments: [root] },
  };
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
