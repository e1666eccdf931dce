import * as vscode from 'vscode';
import { t } from '../common/l10n';

/** How long a status-bar message about a file just written stays. */
const STATUS_MS = 8_000;

/**
 * Says where a person is looking that a command wrote a file: in the status bar, and, when the file is
 * not already in front of them, in a notification whose **Open** shows it.
 */
export function tellWritten(message: string, file: vscode.Uri, options: { readonly notify: boolean }): void {
  vscode.window.setStatusBarMessage(`$(check) ${message}`, STATUS_MS);
  if (!options.notify) return;
  const open = t('Open');
  void Promise.resolve(vscode.window.showInformationMessage(message, open)).then(async (choice) => {
    if (choice === open) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
  });
}

/** A workspace-relative path for a message, or the full one outside every folder. */
export function shownPath(file: vscode.Uri): string {
  return vscode.workspace.asRelativePath(
    file,
    vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1,
  );
}
