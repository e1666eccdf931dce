import * as vscode from 'vscode';
import { rememberRepositoryHint } from '../git/chooseRepository';

/** The Source Control resource group whose context menu reviews only the staged changes. */
const STAGED_GROUP_ID = 'index';

/**
 * Sends `@architect /changes` to the Chat view, in the mode the person has it in: from the palette and the Source Control title bar
 * (whose argument is the repository's SourceControl), or `/changes staged` from the Staged group's
 * context menu (whose argument is the group).
 */
export async function reviewChanges(from: unknown): Promise<unknown> {
  const hint = repositoryHintOf(from);
  if (hint) rememberRepositoryHint(hint);
  const staged = isResourceGroup(from) && from.id === STAGED_GROUP_ID;
  return vscode.commands.executeCommand('workbench.action.chat.open', {
    query: staged ? '@architect /changes staged' : '@architect /changes ',
    isPartialQuery: false,
    blockOnResponse: true,
  });
}

function isResourceGroup(
  value: unknown,
): value is { readonly id: string; readonly resourceStates: readonly vscode.SourceControlResourceState[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    Array.isArray((value as { resourceStates?: unknown }).resourceStates)
  );
}

/** Where the repository a Source Control menu belongs to is: the SourceControl's root, or a resource's file. */
function repositoryHintOf(from: unknown): vscode.Uri | undefined {
  if (typeof from !== 'object' || from === null) return undefined;
  const rootUri = (from as { rootUri?: unknown }).rootUri;
  if (rootUri instanceof vscode.Uri) return rootUri;
  if (isResourceGroup(from)) {
    return from.resourceStates[0]?.resourceUri;
  }
  return undefined;
}
