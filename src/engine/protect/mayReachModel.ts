import * as vscode from 'vscode';
// Node fs only here, and only realpath for file: URIs: vscode.workspace.fs has no realpath, and its stat
// cannot see a link in a parent folder (src/vendor -> ~). Every other scheme relies on stat's link flag.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- realpath of file: URIs, see above
import { realpath } from 'node:fs/promises';
import {
  accessRefusalReason,
  decideModelAccess,
  type AccessOrigin,
  type FolderPaths,
  type RefusedAccess,
} from '../../core/protect/modelAccess';
import { t } from '../../common/l10n';
import { protectionFor } from '../../common/settings';

export type { AccessOrigin };

/** What the gate's stat found, so that callers need no second round trip. */
export interface FileFacts {
  readonly type: vscode.FileType;
  readonly size: number;
}

export type ModelAccess =
  /** `file` is absent when no file system serves the URI (an editor-only buffer a person attached). */
  | { readonly kind: 'allowed'; readonly file?: FileFacts }
  | { readonly kind: 'refused'; readonly verdict: RefusedAccess; readonly reason: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * The one gate every byte bound for a model passes: may the file this URI names reach a model? It
 * resolves the file actually read (the link flag of `stat`, and for `file:` URIs the real path of the
 * file and of every folder above it), then lets the core decide on exclusion and containment. Costs
 * one round trip: the stat, which callers need anyway, with realpath beside it, not after it.
 */
export async function mayReachModel(
  uri: vscode.Uri,
  origin: AccessOrigin,
  exclude: readonly string[] = protectionFor([uri]).exclude,
): Promise<ModelAccess> {
  if (uri.scheme === 'untitled') return { kind: 'allowed' };
  const folders = foldersOf(uri);
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === undefined) {
    // No file system behind it, so nothing to follow: only a person's open editor can hold such text.
    return origin === 'user' ? { kind: 'allowed' } : refused({ allowed: false, why: 'outside-workspace' });
  }
  const [stat, real, realFolders] = await Promise.all([
    vscode.workspace.fs.stat(uri).then(
      (value) => value,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    ),
    uri.scheme === 'file' ? realPathOf(uri.fsPath) : Promise.resolve(undefined),
    Promise.all(folders.map(pathsOfFolder)),
  ]);
  if (stat instanceof Error) return { kind: 'unreadable', reason: stat.message };
  const isLink = (stat.type & vscode.FileType.SymbolicLink) !== 0;
  const verdict = decideModelAccess({
    namedPath: uri.path,
    realPath: uri.scheme === 'file' ? real : isLink ? undefined : uri.path,
    folders: realFolders,
    exclude,
    origin,
    ignoreCase: ignoresCase(uri),
  });
  return verdict.allowed ? { kind: 'allowed', file: { type: stat.type, size: stat.size } } : refused(verdict);
}

/** Where the file system ignores case (Windows, macOS): "/WS/a" is inside "/ws". */
export function ignoresCase(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && (process.platform === 'win32' || process.platform === 'darwin');
}

function refused(verdict: RefusedAccess): ModelAccess {
  return { kind: 'refused', verdict, reason: accessRefusalReason(verdict, t) };
}

/** Folders on the same file system as the URI: "/ws" of another scheme or host holds nothing of it. */
export function foldersOf(uri: vscode.Uri): readonly vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? [])
    .map((folder) => folder.uri)
    .filter((folder) => folder.scheme === uri.scheme && folder.authority === uri.authority);
}

/** A workspace folder's real path hardly ever changes while it is open: resolved once per folder. */
const folderRealPaths = new Map<string, Promise<string | undefined>>();

export async function pathsOfFolder(folder: vscode.Uri): Promise<FolderPaths> {
  if (folder.scheme !== 'file') return { path: folder.path, realPath: folder.path };
  let pending = folderRealPaths.get(folder.fsPath);
  if (!pending) {
    pending = realPathOf(folder.fsPath);
    folderRealPaths.set(folder.fsPath, pending);
  }
  const real = await pending;
  if (real === undefined) folderRealPaths.delete(folder.fsPath);
  return { path: folder.path, realPath: real ?? folder.path };
}

/** The real path as a URI path ("/c:/work/api" on Windows); undefined when it cannot be resolved. */
export async function realPathOf(fsPath: string): Promise<string | undefined> {
  try {
    return vscode.Uri.file(await realpath(fsPath)).path;
  } catch {
    return undefined;
  }
}
