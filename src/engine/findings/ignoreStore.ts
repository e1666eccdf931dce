import * as vscode from 'vscode';
import {
  appendIgnoreEntry,
  type IgnoreEntry,
  type IgnoreFile,
  ignoreFileTooLarge,
  MAX_IGNORE_FILE_BYTES,
  parseIgnoreFile,
} from '../../core/findings/ignoreFile';
import { IGNORE_FILE_PATH } from '../../core/findings/ignoreFilePath';
import { t } from '../../common/l10n';

/** What a workspace folder's ignore file says, or why it says nothing. */
export type IgnoreState =
  | { readonly kind: 'ok'; readonly entries: readonly IgnoreEntry[] }
  | { readonly kind: 'malformed' }
  /** Restricted Mode: a file anyone could have committed is not read. */
  | { readonly kind: 'untrusted' };

/** A workspace folder's ignore file. */
export function ignoreFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...IGNORE_FILE_PATH.split('/'));
}

/**
 * The team's ignored findings, one file per workspace folder, read and written through
 * `vscode.workspace.fs`. A malformed file gets a diagnostic on it and ignores nothing.
 */
export class IgnoreStore implements vscode.Disposable {
  readonly #problems = vscode.languages.createDiagnosticCollection('architect-ignored-findings');
  /** Writes to one folder's file run one after another, so two ignores at once both land. */
  readonly #writes = new Map<string, Promise<unknown>>();

  async load(folder: vscode.WorkspaceFolder): Promise<IgnoreState> {
    if (!vscode.workspace.isTrusted) return { kind: 'untrusted' };
    const file = ignoreFileOf(folder);
    const read = await readCapped(file);
    if (read === undefined) {
      this.#problems.delete(file);
      return { kind: 'ok', entries: [] };
    }
    return this.#check(file, read);
  }

  /** Adds an entry to the folder's file (creating it), unless the file is malformed or untrusted. */
  add(folder: vscode.WorkspaceFolder, entry: IgnoreEntry): Promise<IgnoreState> {
    const key = folder.uri.toString();
    const previous = this.#writes.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#append(folder, entry));
    this.#writes.set(key, next);
    return next;
  }

  /** Re-checks a file the user edited, so its diagnostic is current. */
  async recheck(file: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    if (folder && ignoreFileOf(folder).toString() === file.toString()) await this.load(folder);
  }

  dispose(): void {
    this.#problems.dispose();
  }

  async #append(folder: vscode.WorkspaceFolder, entry: IgnoreEntry): Promise<IgnoreState> {
    if (!vscode.workspace.isTrusted) return { kind: 'untrusted' };
    const file = ignoreFileOf(folder);
    const read = (await readCapped(file)) ?? '';
    const state = this.#check(file, read);
    // A file over the size cap (not a string) is malformed: only a file that parsed gets the entry.
    if (state.kind !== 'ok' || typeof read !== 'string') return state;
    const updated = appendIgnoreEntry(read, state.entries, entry);
    if (updated !== read) await writeWhole(file, updated);
    return this.#check(file, updated);
  }

  /** `read` is the file's text, or what was found instead of reading it (a file over the size cap). */
  #check(file: vscode.Uri, read: string | IgnoreFile): IgnoreState {
    const parsed = typeof read === 'string' ? parseIgnoreFile(read, t) : read;
    if (parsed.ok) {
      this.#problems.delete(file);
      return { kind: 'ok', entries: parsed.entries };
    }
    const line = Math.max(parsed.line - 1, 0);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, 10_000), parsed.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'Architect';
    this.#problems.set(file, [diagnostic]);
    return { kind: 'malformed' };
  }
}

/**
 * The file's text; a file over the size cap is not read at all (its size is enough to refuse it); a
 * missing file is undefined.
 */
async function readCapped(file: vscode.Uri): Promise<string | IgnoreFile | undefined> {
  try {
    const { size } = await vscode.workspace.fs.stat(file);
    if (size > MAX_IGNORE_FILE_BYTES) return ignoreFileTooLarge(size, t);
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Never a half-written file: the text goes to a temporary file beside it, which then replaces it in one
 * rename. A failed write leaves the old file as it was.
 */
async function writeWhole(file: vscode.Uri, text: string): Promise<void> {
  const folder = vscode.Uri.joinPath(file, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(
    folder,
    `.ignored-findings.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}
