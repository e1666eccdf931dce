import * as vscode from 'vscode';
import { reviewChanges } from '../commands/reviewChanges';
import { t } from '../../common/l10n';
import { gitAccess } from './gitApi';

/**
 * Behind the button of a `/changes` answer in a folder inside a repository Git has not opened: opens that
 * repository through the Git extension's API (as Source Control → Open Repository does), then sends
 * `/changes` again, now about it. Returns that request's result.
 */
export async function openRepositoryAndReview(argument: unknown): Promise<unknown> {
  const root = uriOf(argument);
  if (!root) return undefined;
  const access = await gitAccess();
  const repository = access.kind === 'ready' ? await access.api.openRepository(root) : null;
  if (!repository) {
    void vscode.window.showWarningMessage(
      t('Git could not open the repository at {0}.', root.scheme === 'file' ? root.fsPath : root.toString(true)),
    );
    return undefined;
  }
  return reviewChanges({ rootUri: repository.rootUri });
}

/** A button's argument arrives as a Uri, or as its plain form when it went through a serialization. */
function uriOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { scheme, path } = argument as { scheme?: unknown; path?: unknown };
  return typeof scheme === 'string' && typeof path === 'string' ? vscode.Uri.from({ scheme, path }) : undefined;
}
