import * as vscode from 'vscode';
import { type ChangesRequest } from '../../core/changes/changesArgs';
import { type DiffFile } from '../../core/changes/diffModel';
import { type ChangesData } from '../../core/request/plan';
import { type UriTable } from '../context/uriTable';
import { type GatheredContext } from '../pipeline/requestPipeline';
import { protectionFor } from '../../common/settings';
import { gatherChanges } from './gatherChanges';

/**
 * The gather phase of `/changes`: the changes of the chosen repository as plain data, each file under
 * its workspace-relative path (as everywhere else in the product) with its URI remembered for findings.
 * The question is what follows `staged` or the ref.
 */
export interface GatheredChanges extends GatheredContext {
  /** A button for the answer when there is nothing to review yet but one click would fix that. */
  readonly action?: vscode.Command;
}

export async function gatherChangesContext(prompt: string | ChangesRequest, uris: UriTable): Promise<GatheredChanges> {
  const gathered = await gatherChanges(prompt, (root) => protectionFor([root]).exclude);
  const scope = vscode.window.activeTextEditor?.document.uri;
  if (gathered.kind === 'answer') {
    const changes: ChangesData = { files: [], refused: [], keys: {}, unavailable: gathered.text, unavailableReason: gathered.reason };
    return { context: [{ kind: 'changes', changes }], uris, scope, ...(gathered.action ? { action: gathered.action } : {}) };
  }
  const keys: Record<string, string> = {};
  const label = (repositoryPath: string): string => {
    const uri = inRepository(gathered.root, repositoryPath);
    // Workspace-relative, with the folder's name in a multi-root workspace, as everywhere else.
    const path = vscode.workspace.asRelativePath(uri);
    keys[path] = uris.remember(uri);
    return path;
  };
  const files = gathered.files.map((file): DiffFile => ({
    ...file,
    path: label(file.path),
    matchPath: folderRelative(gathered.root, file.path),
    ...(file.oldPath ? { oldPath: label(file.oldPath), oldMatchPath: folderRelative(gathered.root, file.oldPath) } : {}),
  }));
  const refused = gathered.refused.map((file) => ({ ...file, path: label(file.path) }));
  const repository = vscode.workspace.asRelativePath(gathered.root);
  return {
    context: [{ kind: 'changes', changes: { files, refused, keys, repository } }],
    uris,
    scope: gathered.root,
    question: gathered.request.question,
  };
}

/**
 * A repository path relative to its own workspace folder, without the folder's name: what
 * `architect.exclude` is matched against, as for an attached file (`config/secrets.json` excludes
 * `api/config/secrets.json` in the folder `api`).
 */
function folderRelative(root: vscode.Uri, repositoryPath: string): string {
  return vscode.workspace.asRelativePath(inRepository(root, repositoryPath), false);
}

function inRepository(root: vscode.Uri, repositoryPath: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...repositoryPath.split('/'));
}
