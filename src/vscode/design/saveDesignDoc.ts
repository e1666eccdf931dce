import * as vscode from 'vscode';
import { designDocFileName, designDocsFolderSegments, slugify } from '../../core/design/designDoc';

/** Names being written right now by this extension host: two generations never pick the same one. */
const reserved = new Set<string>();

/**
 * Saves a design document as `<docs folder>/<slug>.md` inside `folder`, creating folders as needed,
 * never over an existing file (`-2`, `-3`, ...) and never outside the folder, whatever the description
 * or the setting say (RELIABILITY R09).
 */
export async function saveDesignDoc(folder: vscode.Uri, docsFolderSetting: string, description: string, text: string): Promise<vscode.Uri> {
  const directory = vscode.Uri.joinPath(folder, ...designDocsFolderSegments(docsFolderSetting).segments);
  if (!directory.path.startsWith(folder.path.replace(/\/$/, '') + '/')) throw new Error('the docs folder is outside the workspace folder');
  await vscode.workspace.fs.createDirectory(directory);
  const slug = slugify(description);
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const target = vscode.Uri.joinPath(directory, designDocFileName(slug, attempt));
    const key = target.toString();
    if (reserved.has(key)) continue;
    reserved.add(key);
    try {
      if (await exists(target)) continue;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      return target;
    } finally {
      reserved.delete(key);
    }
  }
  throw new Error(`no free file name for ${slug}.md`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
