import * as vscode from 'vscode';
import { type AttachedSource, type Focus, type SourceContent } from '../../core/context/attachment';
import { languageForPath } from '../../core/context/languages';
import { groupDigits } from '../../core/i18n';
import { t } from '../../common/l10n';
import { mayReachModel, type AccessOrigin, type FileFacts, type ModelAccess } from '../protect/mayReachModel';
import { decodeFile, unreadable } from './decodeFile';
import { errorText } from './errorText';
import { type UriTable } from './uriTable';

/** Files beyond this are not even read: the window sent of them would be a sliver anyway. */
const MAX_READ_BYTES = 50 * 1024 * 1024;

interface Wanted {
  readonly uri: vscode.Uri;
  readonly focus?: Focus;
}

const FOCUS_RANK: Record<Focus['kind'] | 'none', number> = { none: 0, cursor: 1, viewport: 2, selection: 3 };

/**
 * Turns the chat request's references into plain attached sources: `#file`, `#selection`, locations,
 * the editor's implicit selection or viewport, and plain strings. Without any reference, the active
 * editor's selection (or its whole file) is used, since the chat may not have computed its implicit
 * context yet.
 */
export async function gatherChatContext(
  all: readonly vscode.ChatPromptReference[],
  uris: UriTable,
  /** Set for the request of Review this API: the chat's implicit context of any other resource is dropped. */
  target?: string,
): Promise<AttachedSource[]> {
  const references =
    target === undefined ? all : all.filter((reference) => !isImplicit(reference) || uriOf(reference.value)?.toString() === target);
  const wanted = new Map<string, Wanted>();
  const strings: AttachedSource[] = [];
  // What the user attached on purpose outranks the editor's implicit context for the same file: the
  // implicit selection is recomputed with a delay and can be stale.
  const explicit = new Set(references.filter((reference) => !isImplicit(reference)).map((reference) => uriOf(reference.value)?.toString()));
  // References come sorted from the end of the prompt; restore the user's order.
  for (const reference of [...references].reverse()) {
    const value = reference.value;
    const key = uriOf(value)?.toString();
    if (isImplicit(reference) && key !== undefined && explicit.has(key)) continue;
    if (value instanceof vscode.Uri) merge(wanted, { uri: value });
    else if (value instanceof vscode.Location) merge(wanted, { uri: value.uri, focus: focusOf(value.range, reference.id) });
    else if (typeof value === 'string' && value.trim() !== '') {
      const label = reference.modelDescription?.trim() || t('attached text {0}', strings.length + 1);
      strings.push({
        key: `string:${strings.length}`,
        label,
        matchPath: '',
        languageId: 'plaintext',
        content: { kind: 'text', text: value },
      });
    }
  }
  if (wanted.size === 0 && strings.length === 0) {
    const editor = vscode.window.activeTextEditor;
    if (editor) return [await sourceFromEditor(editor, uris)];
  }
  const read = [...wanted.values()].map((item) => readSource(item.uri, { focus: item.focus, uris }));
  return [...(await Promise.all(read)), ...strings];
}

function isImplicit(reference: vscode.ChatPromptReference): boolean {
  return reference.id.startsWith('vscode.implicit');
}

function uriOf(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (value instanceof vscode.Location) return value.uri;
  return undefined;
}

/** The editor's selection, or its whole file with the cursor as focus when nothing is selected. */
export async function sourceFromEditor(
  editor: vscode.TextEditor,
  uris: UriTable,
  origin: ReadOptions['origin'] = 'user',
): Promise<AttachedSource> {
  const selection = editor.selection;
  const focus = selection.isEmpty
    ? focusOf(new vscode.Range(selection.active, selection.active), 'cursor')
    : focusOf(selection, 'selection');
  return readSource(editor.document.uri, { focus, uris, origin });
}

function merge(wanted: Map<string, Wanted>, next: Wanted): void {
  const key = next.uri.toString();
  const existing = wanted.get(key);
  if (!existing) {
    wanted.set(key, next);
    return;
  }
  const rank = (item: Wanted) => FOCUS_RANK[item.focus?.kind ?? 'none'];
  if (existing.focus?.kind === 'selection' && next.focus?.kind === 'selection') {
    const focus: Focus = {
      kind: 'selection',
      startLine: Math.min(existing.focus.startLine, next.focus.startLine),
      endLine: Math.max(existing.focus.endLine, next.focus.endLine),
      ...(existing.focus.startColumn === undefined ? {} : { startColumn: existing.focus.startColumn }),
    };
    wanted.set(key, { uri: next.uri, focus });
  } else if (rank(next) > rank(existing)) wanted.set(key, next);
}

function focusOf(range: vscode.Range, referenceId: string): Focus {
  const startLine = range.start.line + 1;
  // A selection that ends at the start of a line does not include that line.
  const endLine = Math.max(startLine, range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1);
  let kind: Focus['kind'] = 'selection';
  if (/viewport|visible/i.test(referenceId)) kind = 'viewport';
  else if (range.isEmpty || referenceId === 'cursor') kind = 'cursor';
  return { kind, startLine, endLine, startColumn: range.start.character };
}

export interface ReadOptions {
  readonly focus?: Focus;
  /** Who named the file: the model may only read inside the workspace. A person by default. */
  readonly origin?: AccessOrigin;
  /** The gate's answer when the caller already asked it (the tools do, to find the file). */
  readonly access?: ModelAccess;
  /** The request's resources, so that nothing is parsed back from a string. */
  readonly uris?: UriTable;
}

/**
 * Reads one resource as plain data, once the gate has let it through: the open document's text when
 * there is one (unsaved edits and the editor's decoding included), otherwise the bytes through
 * `vscode.workspace.fs`, which also serves remote and virtual workspaces (RELIABILITY R26, R27, R30).
 * Notebook cells give the cell's text (R29); the gate judges the notebook's file.
 */
export async function readSource(uri: vscode.Uri, options: ReadOptions = {}): Promise<AttachedSource> {
  const key = options.uris?.remember(uri) ?? uri.toString();
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  const notebook = uri.scheme === 'vscode-notebook-cell' ? notebookOfCell(uri) : undefined;
  // A cell is judged, and matched by the exclusions, as its notebook's file.
  const file = notebook?.notebook.uri ?? uri;
  const label = notebook
    ? t('{0} cell {1}', vscode.workspace.asRelativePath(file), notebook.index + 1)
    : vscode.workspace.asRelativePath(uri);
  const matchPath = vscode.workspace.asRelativePath(file, false);
  const languageId = open?.languageId ?? (uri.scheme === 'untitled' ? 'plaintext' : languageForPath(uri.path));
  return {
    key,
    uri: key,
    label,
    matchPath,
    ...(options.focus ? { focus: options.focus } : {}),
    languageId,
    content: await contentOf(uri, open, file, options),
  };
}

/** The text of a resource (open, or read from its file), or why it is not sent; the gate judges `gated`. */
async function contentOf(
  uri: vscode.Uri,
  open: vscode.TextDocument | undefined,
  gated: vscode.Uri,
  options: ReadOptions,
): Promise<SourceContent> {
  if (uri.scheme === 'untitled' && !open) return unreadable(t('the untitled document is no longer open'));
  const access = options.access ?? (await mayReachModel(gated, options.origin ?? 'user'));
  if (access.kind !== 'allowed') return { kind: access.kind, reason: access.reason };
  if (open) return { kind: 'text', text: open.getText() };
  return readClosedFile(uri, access.file);
}

/**
 * The gate's stat comes before the read, so that a multi-gigabyte attachment is refused before it is
 * loaded into the extension host's memory.
 */
async function readClosedFile(uri: vscode.Uri, file: FileFacts | undefined): Promise<SourceContent> {
  if (!file) return unreadable(t('no file system serves it'));
  if ((file.type & vscode.FileType.Directory) !== 0) return unreadable(t('it is a folder'));
  if (file.size > MAX_READ_BYTES) return unreadable(t('it is larger than {0} MB', groupDigits(MAX_READ_BYTES / 1024 / 1024)));
  try {
    return await decodeFile(await vscode.workspace.fs.readFile(uri), uri);
  } catch (error) {
    return unreadable(errorText(error));
  }
}

function notebookOfCell(uri: vscode.Uri): { notebook: vscode.NotebookDocument; index: number } | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((candidate) => candidate.document.uri.toString() === uri.toString());
    if (cell) return { notebook, index: cell.index };
  }
  return undefined;
}
