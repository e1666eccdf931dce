import * as vscode from 'vscode';
import { decideModelAccess, type AccessVerdict } from '../../core/protect/modelAccess';
import { foldersOf, ignoresCase, pathsOfFolder, realPathOf } from './mayReachModel';

/**
 * Whether the extension may write into `directory` (made if missing): decided as every read is, on
 * where it really is, links resolved, by the same core decision as `mayReachModel`. A folder named
 * inside the workspace may be a link (`docs/designs` → `/tmp/elsewhere`) or lie under one; a folder
 * that does not exist yet lies where its nearest existing parent really is. Allowed only inside a
 * workspace folder.
 */
export async function mayWriteInto(directory: vscode.Uri): Promise<AccessVerdict> {
  const folders = foldersOf(directory);
  const [realPath, realFolders] = await Promise.all([realPathToBe(directory, folders), Promise.all(folders.map(pathsOfFolder))]);
  return decideModelAccess({
    namedPath: directory.path,
    realPath,
    folders: realFolders,
    exclude: [],
    origin: 'model',
    ignoreCase: ignoresCase(directory),
  });
}

/**
 * The real path `directory` has or will have: the nearest part that exists, resolved, with the missing
 * rest after it; undefined when a link on the way cannot be resolved (a dangling one, or a link on a
 * file system without real paths).
 */
async function realPathToBe(directory: vscode.Uri, folders: readonly vscode.Uri[]): Promise<string | undefined> {
  const missing: string[] = [];
  let existing = directory;
  for (;;) {
    const type = await typeOf(existing);
    if (type !== undefined) {
      if (existing.scheme !== 'file') return (await linkOnTheWay(existing, folders)) ? undefined : joinPath(existing.path, missing);
      const real = await realPathOf(existing.fsPath);
      return real === undefined ? undefined : joinPath(real, missing);
    }
    const parent = vscode.Uri.joinPath(existing, '..');
    if (parent.path === existing.path) return joinPath(existing.path, missing);
    missing.unshift(existing.path.slice(existing.path.lastIndexOf('/') + 1));
    existing = parent;
  }
}

/** The file type, undefined when nothing is there; a dangling link is there (its stat says so). */
async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}

/** Where no real path can be had: any link between the workspace folder holding `uri` and `uri` itself. */
async function linkOnTheWay(uri: vscode.Uri, folders: readonly vscode.Uri[]): Promise<boolean> {
  const root = folders.find((folder) => uri.path === folder.path || uri.path.startsWith(folder.path.replace(/\/$/, '') + '/'));
  if (root === undefined) return false;
  const segments = uri.path.slice(root.path.replace(/\/$/, '').length).split('/').filter(Boolean);
  const types = await Promise.all(segments.map((_, depth) => typeOf(vscode.Uri.joinPath(root, ...segments.slice(0, depth + 1)))));
  return types.some((type) => type !== undefined && (type & vscode.FileType.SymbolicLink) !== 0);
}

function joinPath(path: string, rest: readonly string[]): string {
  return [path.replace(/\/$/, ''), ...rest].join('/');
}
