import * as vscode from 'vscode';
import { type ChangesScope } from '../../core/changes/changesArgs';
import { type DiffFile } from '../../core/changes/diffModel';
import { keyLinesIn, mayShowPartOfKey } from '../../core/changes/keysAround';
import { decodeFileBytes } from '../../core/context/decode';
import { type GitRepository } from './gitTypes';

/** Files read at once (each may start a git process). */
const READS_AT_ONCE = 8;
/** Whole versions larger than this are not read for keys: the hunks' own scan still runs. */
const MAX_VERSION_CHARS = 20 * 1024 * 1024;

/**
 * The changed files, each whose hunks could show part of a private key with the key lines of its whole
 * text, old and new (the core redacts them wherever a hunk shows them). The new version is the file on
 * disk, or the index for staged changes; the old one is the base revision's, read only when lines
 * were removed. Files that passed the gate only; a version that cannot be read adds nothing.
 */
export async function withKeysAround(
  repository: GitRepository,
  scope: ChangesScope,
  baseRevision: string,
  files: readonly DiffFile[],
): Promise<DiffFile[]> {
  return mapAtMost(READS_AT_ONCE, files, async (file) => {
    if (file.binary || file.status === 'deleted' || !mayShowPartOfKey(file)) return file;
    const uri = vscode.Uri.joinPath(repository.rootUri, file.path);
    const oldUri = vscode.Uri.joinPath(repository.rootUri, file.oldPath ?? file.path);
    const [newText, oldText] = await Promise.all([
      scope.kind === 'staged' ? shown(repository, '', uri) : onDisk(uri),
      file.removed > 0 && file.status !== 'added' ? shown(repository, baseRevision, oldUri) : undefined,
    ]);
    const texts = [newText, oldText].filter((text): text is string => text !== undefined && text.length <= MAX_VERSION_CHARS);
    const keyLines = keyLinesIn(texts);
    return keyLines.length > 0 ? { ...file, keyLines } : file;
  });
}

/** `work` on every item, in order, with at most `limit` running at once: a large diff starts no flood of git processes. */
async function mapAtMost<T, R>(limit: number, items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function onDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const decoded = decodeFileBytes(await vscode.workspace.fs.readFile(uri));
    return decoded.kind === 'text' ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** A version Git keeps: `ref` '' is the index. */
async function shown(repository: GitRepository, ref: string, uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await repository.show(ref, uri.fsPath);
  } catch {
    return undefined;
  }
}
