import * as vscode from 'vscode';
import {
  designDocFileName,
  designDocsFolderRefusal,
  designDocsFolderRefusedMessage,
  designDocsFolderSegments,
  slugify,
} from '../../core/design/designDoc';

/** Names being written right now by this extension host: two generations never pick the same one. */
const reserved = new Set<string>();

/**
 * Saves a design document as `<docs folder>/<slug>.md` inside `folder`, creating folders as needed,
 * never over an existing file (`-2`, `-3`, ...) and never outside the folder, whatever the description
 * or the setting say (RELIABILITY R09).
 */
export async function saveDesignDoc(folder: vscode.Uri, docsFolderSetting: string, description: string, text: string): Promise<vscode.Uri> {
  const refusal = designDocsFolderRefusal(docsFolderSetting);
  if (refusal !== undefined) throw new Error(designDocsFolderRefusedMessage(docsFolderSetting, refusal));
  const { segments } = designDocsFolderSegments(docsFolderSetting);
  const directory = vscode.Uri.joinPath(folder, ...segments);
  if (!directory.path.startsWith(folder.path.replace(/\/$/, '') + '/')) throw new Error('the docs folder is outside the workspace folder');
  await refuseSymbolicLinks(folder, segments);
  await vscode.workspace.fs.createDirectory(directory);
  const slug = slugify(description);
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const target = vscode.Uri.joinPath(directory, designDocFileName(slug, attempt));
    const key = target.toString();
    if (reserved.has(key)) continue;
    reserved.add(key);
    try {
      if (await exists(target)) continue;
      // Created only if it still does not exist: another process may have written it meanwhile.
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
      if (await vscode.workspace.applyEdit(edit)) return target;
      if (!(await exists(target))) throw new Error(`could not create ${target.path}`);
    } finally {
      reserved.delete(key);
    }
  }
  throw new Error(`no free file name for ${slug}.md`);
}

/**
 * A docs folder that is a symbolic link could point anywhere on disk; the path check above only sees
 * the link's name. Nothing is followed through one.
 */
async function refuseSymbolicLinks(folder: vscode.Uri, segments: readonly string[]): Promise<void> {
  for (let depth = 1; depth <= segments.length; depth++) {
    const part = vscode.Uri.joinPath(folder, ...segments.slice(0, depth));
    try {
      if (((await vscode.workspace.fs.stat(part)).type & vscode.FileType.SymbolicLink) !== 0) {
        throw new vscode.FileSystemError(
          `${segments.slice(0, depth).join('/')} is a symbolic link; design docs are not written through links`,
        );
      }
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return;
      throw error;
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
