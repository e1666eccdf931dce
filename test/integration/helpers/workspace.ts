import * as vscode from 'vscode';

export function workspaceFolder(index = 0): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[index];
  if (!folder) throw new Error('this suite needs a workspace folder');
  return folder;
}

export function fileUri(relative: string, folderIndex = 0): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(folderIndex).uri, ...relative.split('/'));
}

export async function writeFile(relative: string, content: string | Uint8Array, folderIndex = 0): Promise<vscode.Uri> {
  const uri = fileUri(relative, folderIndex);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Opens a file in an editor and selects whole lines (1-based, inclusive). */
export async function openWithSelection(uri: vscode.Uri, startLine?: number, endLine?: number): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  if (startLine !== undefined && endLine !== undefined) {
    const end = editor.document.lineAt(endLine - 1).range.end;
    editor.selection = new vscode.Selection(startLine - 1, 0, end.line, end.character);
  } else editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a setting for the test and returns a function that puts the old value back. */
export async function withSetting(
  section: string,
  value: unknown,
  target = vscode.ConfigurationTarget.Workspace,
): Promise<() => Promise<void>> {
  const [head, ...rest] = section.split('.');
  const config = vscode.workspace.getConfiguration(head);
  const key = rest.join('.');
  const inspected = config.inspect(key);
  const previous = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
  await config.update(key, value, target);
  return async () => {
    await vscode.workspace.getConfiguration(head).update(key, previous, target);
  };
}
