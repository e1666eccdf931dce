import * as vscode from 'vscode';

/** Whether something exists at the Uri, as `vscode.workspace.fs` sees it (never Node's `fs`). */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
