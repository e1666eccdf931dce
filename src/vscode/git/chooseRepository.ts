import * as vscode from 'vscode';
import { t } from '../l10n';
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

/**
 * The repository to review: the one a Source Control menu was used on, else the active editor's, else
 * the only one; with several and no clue, the user picks. Undefined when there is none or none is picked.
 */
export async function chooseRepository(api: GitApi): Promise<GitRepository | undefined> {
  const hint = takeRepositoryHint();
  const hinted = hint ? api.getRepository(hint) : null;
  if (hinted) return hinted;
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofEditor = active ? api.getRepository(active) : null;
  if (ofEditor) return ofEditor;
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
