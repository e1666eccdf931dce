import * as vscode from 'vscode';
import { uriExists } from '../uriExists';

/** How many folders up the search for `.git` goes before it gives up. */
const MAX_DEPTH = 32;

/**
 * The root of the Git repository a folder lies in (the folder itself or one above it), found by its
 * `.git` (a folder, or a file in a worktree or submodule) through `vscode.workspace.fs`, so remote
 * workspaces work. Only whether `.git` exists is asked; nothing in it is read.
 */
export async function enclosingRepository(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  let current = folder;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (await uriExists(vscode.Uri.joinPath(current, '.git'))) return current;
    const parent = vscode.Uri.joinPath(current, '..');
    if (parent.path === current.path) return undefined;
    current = parent;
  }
  return undefined;
}
