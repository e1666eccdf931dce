import * as vscode from 'vscode';
import { t } from '../../common/l10n';
import { enclosingRepository } from './enclosingRepository';
import { type GitApi, type GitRepository } from './gitTypes';

/**
 * A file or root of the repository a Source Control menu was used on. The chat request that menu sends
 * carries only text, so the choice waits here for that one request.
 */
let pendingHint: { readonly uri: vscode.Uri; readonly until: number } | undefined;
const PENDING_HINT_MS = 60_000;

export function rememberRepositoryHint(uri: vscode.Uri): void {
  pendingHint = { uri, until: Date.now() + PENDING_HINT_MS };
}

function takeRepositoryHint(): vscode.Uri | undefined {
  const pending = pendingHint;
  pendingHint = undefined;
  return pending && pending.until >= Date.now() ? pending.uri : undefined;
}

export type ChosenRepository =
  | { readonly kind: 'open'; readonly repository: GitRepository }
  /** The active editor's file (or, with no repository open, the workspace folder) lies in a repository Git has not opened. */
  | { readonly kind: 'unopened'; readonly root: vscode.Uri }
  | { readonly kind: 'none' };

/**
 * The repository to review: the one a Source Control menu was used on, else the active editor's, else
 * the only one; with several and no clue, the user picks. A file in a repository that Git has not opened
 * (a folder inside a clone, with the clone's root above the workspace) names that repository instead.
 */
export async function chooseRepository(api: GitApi): Promise<ChosenRepository> {
  const hint = takeRepositoryHint();
  const active = vscode.window.activeTextEditor?.document.uri;
  // The repository of the Source Control menu used, else the active editor's.
  const known = (hint ? api.getRepository(hint) : null) ?? (active ? api.getRepository(active) : null);
  if (known) return { kind: 'open', repository: known };
  const unopened = await unopenedRepository(api, active);
  if (unopened) return { kind: 'unopened', root: unopened };
  const picked = await pickRepository(api);
  return picked ? { kind: 'open', repository: picked } : { kind: 'none' };
}

/** Where to look for a repository Git has not opened: the active editor's folder, else (with none open) the workspace's. */
async function unopenedRepository(api: GitApi, active: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const inWorkspace = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const start = inWorkspace && active ? vscode.Uri.joinPath(active, '..') : api.repositories.length === 0 ? firstFolder() : undefined;
  const root = start ? await enclosingRepository(start) : undefined;
  return root && !api.getRepository(root) ? root : undefined;
}

function firstFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function pickRepository(api: GitApi): Promise<GitRepository | undefined> {
  if (api.repositories.length <= 1) return api.repositories[0];
  const picked = await vscode.window.showQuickPick(
    api.repositories.map((repository) => ({
      label: repository.rootUri.path.replace(/^.*\//, ''),
      description: vscode.workspace.asRelativePath(repository.rootUri, true),
      repository,
    })),
    { placeHolder: t('Which repository’s changes should Architect review?') },
  );
  return picked?.repository;
}
