import * as vscode from 'vscode';
import {
  findFilesResult,
  findReferencesResult,
  findSymbolResult,
  readFileResult,
  refusedFileMessage,
  textOnly,
  type ProtectionSettings,
  type ToolOutput,
} from '../../core/tools/toolResults';
import type * as z from 'zod/mini';
import {
  clampReadRange,
  findFilesInput,
  findReferencesInput,
  findSymbolInput,
  MAX_FIND_RESULTS,
  parseToolInput,
  readFileInput,
  type FindFilesInput,
  type FindReferencesInput,
  type FindSymbolInput,
  type ReadFileInput,
} from '../../core/tools/toolSchemas';
import { ALL_TOOLS, TOOL_NAMES } from '../../core/tools/toolNames';
import { lazy } from '../../core/lazy';
import { readSource } from '../context/gatherContext';
import { errorText } from '../context/errorText';
import { t } from '../../common/l10n';
import { mayReachModel, type ModelAccess } from '../protect/mayReachModel';
import { protectionFor } from '../../common/settings';

export interface ToolRun {
  readonly output: ToolOutput;
  /** Shown in the chat while the tool runs: "Reading src/db/users.ts lines 1–80". */
  readonly progress: string;
  readonly reference?: vscode.Uri | vscode.Location;
}

const symbolKinds = lazy(() => Object.fromEntries(Object.entries(vscode.SymbolKind).map(([name, value]) => [value, name.toLowerCase()])));

let definitions: vscode.LanguageModelChatTool[] | undefined;

/**
 * The tools as the model sees them, from the manifest (the one place their descriptions live). Read
 * once all four are registered: `vscode.lm.tools` lists every tool of every extension.
 */
export function toolDefinitions(): vscode.LanguageModelChatTool[] {
  if (definitions) return definitions;
  const ours = vscode.lm.tools
    .filter((tool) => (ALL_TOOLS as readonly string[]).includes(tool.name))
    .map((tool) => ({ name: tool.name, description: tool.description, ...(tool.inputSchema ? { inputSchema: tool.inputSchema } : {}) }));
  if (ours.length === ALL_TOOLS.length) definitions = ours;
  return ours;
}

/**
 * Runs one read-only tool. Every input is validated; every output is protected like an attachment,
 * with the exclusions of every workspace folder. Errors become results the model can read ("Invalid
 * input ...", "not found", "failed: ..."), never exceptions that would end the answer.
 */
export async function runTool(name: string, input: unknown, token: vscode.CancellationToken): Promise<ToolRun> {
  if (!vscode.workspace.isTrusted)
    return refusal(t('Workspace tools are off until the workspace is trusted.'), t('Tools are off in Restricted Mode'));
  try {
    return await runTrustedTool(name, input, { ...protectionFor([]), t }, token);
  } catch (error) {
    return refusal(t('{0} failed: {1}', name, errorText(error)), t('A tool failed'));
  }
}

function refusal(text: string, progress: string): ToolRun {
  return { output: textOnly(text), progress };
}

function place(uri: vscode.Uri): { path: string; matchPath: string } {
  return { path: vscode.workspace.asRelativePath(uri), matchPath: vscode.workspace.asRelativePath(uri, false) };
}

async function runTrustedTool(
  name: string,
  input: unknown,
  protection: ProtectionSettings,
  token: vscode.CancellationToken,
): Promise<ToolRun> {
  switch (name) {
    case TOOL_NAMES.findFiles:
      return withInput(findFilesInput, input, t('Finding files'), (value) => findFiles(value, protection, token));
    case TOOL_NAMES.readFile:
      return withInput(readFileInput, input, t('Reading a file'), (value) => readFile(value, protection));
    case TOOL_NAMES.findSymbol:
      return withInput(findSymbolInput, input, t('Finding a definition'), (value) => findSymbol(value, protection));
    case TOOL_NAMES.findReferences:
      return withInput(findReferencesInput, input, t('Finding references'), (value) => findReferences(value, protection));
    default:
      return refusal(t('There is no tool named {0}.', name), t('Unknown tool'));
  }
}

/** Runs a tool on its validated input; an invalid input is refused with the line the model can act on. */
function withInput<T>(
  schema: () => z.ZodMiniType<T>,
  input: unknown,
  progress: string,
  run: (value: T) => Promise<ToolRun>,
): Promise<ToolRun> | ToolRun {
  const parsed = parseToolInput(schema, input);
  return parsed.ok ? run(parsed.value) : refusal(parsed.error, progress);
}

async function findFiles(input: FindFilesInput, protection: ProtectionSettings, token: vscode.CancellationToken): Promise<ToolRun> {
  const limit = input.maxResults ?? 50;
  const found = await vscode.workspace.findFiles(input.pattern, undefined, limit + 1, token);
  // The search follows links: what the gate refuses is not even named.
  const files = (await listedOnly(found.slice(0, limit), (uri) => uri, protection.exclude))
    .map(place)
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    output: findFilesResult(files, input.pattern, found.length > limit, protection),
    progress: t('Finding files matching {0}', input.pattern),
  };
}

async function readFile(input: ReadFileInput, protection: ProtectionSettings): Promise<ToolRun> {
  const found = await locateWorkspaceFile(input.path, protection.exclude);
  if (!found) return refusal(t('{0} was not found in the workspace.', input.path), t('Reading {0}', input.path));
  const source = await readSource(found.uri, { access: found.access });
  const output = await readFileResult(source, input, protection);
  const lines = output.sent ?? clampReadRange(input, 1);
  return {
    output,
    progress: t('Reading {0} lines {1}–{2}', source.label, lines.startLine, lines.endLine),
    ...(output.sent ? { reference: new vscode.Location(found.uri, new vscode.Range(lines.startLine - 1, 0, lines.endLine - 1, 0)) } : {}),
  };
}

async function findSymbol(input: FindSymbolInput, protection: ProtectionSettings): Promise<ToolRun> {
  const symbols =
    (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', input.name)) ??
    [];
  const wanted = input.name.toLowerCase();
  // A name that equals the wanted one also starts with it.
  const matching = symbols.filter((symbol) => symbol.name.toLowerCase().startsWith(wanted)).slice(0, 20);
  const found = (await listedOnly(matching, (symbol) => symbol.location.uri, protection.exclude)).map((symbol) => ({
    name: symbol.name,
    kind: symbolKinds()[symbol.kind] ?? 'symbol',
    ...place(symbol.location.uri),
    line: symbol.location.range.start.line + 1,
    ...(symbol.containerName ? { container: symbol.containerName } : {}),
  }));
  return {
    output: findSymbolResult(found, input.name, protection),
    progress: t('Finding the definition of {0}', input.name),
  };
}

async function findReferences(input: FindReferencesInput, protection: ProtectionSettings): Promise<ToolRun> {
  const { path, line, symbol } = input;
  const progress = t('Finding references to {0}', symbol);
  const found = await locateWorkspaceFile(path, protection.exclude);
  if (!found) return refusal(t('{0} was not found in the workspace.', path), progress);
  // Looking for a symbol in a file reveals what the file holds: a refused file is not opened.
  if (found.access.kind === 'refused')
    return refusal(refusedFileMessage(vscode.workspace.asRelativePath(found.uri), found.access.verdict, t), progress);
  const document = await vscode.workspace.openTextDocument(found.uri);
  const column = line <= document.lineCount ? document.lineAt(line - 1).text.indexOf(symbol) : -1;
  if (column === -1) return refusal(t('{0} does not appear on line {1} of {2}.', symbol, line, path), progress);
  const locations =
    (await vscode.commands.executeCommand<vscode.Location[] | undefined>(
      'vscode.executeReferenceProvider',
      found.uri,
      new vscode.Position(line - 1, column),
    )) ?? [];
  const shown = await listedOnly(locations.slice(0, MAX_FIND_RESULTS), (location) => location.uri, protection.exclude);
  const references = shown.map(({ uri, range }) => {
    const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const lineText = open && range.start.line < open.lineCount ? open.lineAt(range.start.line).text : undefined;
    return { ...place(uri), line: range.start.line + 1, ...(lineText === undefined ? {} : { lineText }) };
  });
  return { output: await findReferencesResult(references, symbol, protection), progress };
}

/** The items whose file may be listed (see `listable`), the gate asked once for each distinct file, all at once. */
async function listedOnly<T>(items: readonly T[], uriOf: (item: T) => vscode.Uri, exclude: readonly string[]): Promise<T[]> {
  const distinct = new Map(items.map((item) => [uriOf(item).toString(), uriOf(item)]));
  const answers = await Promise.all([...distinct.values()].map((uri) => mayReachModel(uri, 'model', exclude)));
  const access = new Map([...distinct.keys()].map((key, index) => [key, answers[index]]));
  return items.filter((item) => listable(access.get(uriOf(item).toString())));
}

/**
 * A found file is listed when the gate lets it through, or when its own name excludes it: the listing
 * marks those as unreadable, and the model learns nothing it did not search for. A file refused for
 * where it really is (a link to .env, out of the workspace) is not named at all.
 */
function listable(access: ModelAccess | undefined): boolean {
  if (access?.kind === 'allowed') return true;
  return access?.kind === 'refused' && access.verdict.why === 'excluded' && !access.verdict.throughLink;
}

/**
 * A workspace-relative path ("src/a.ts", or "beta/src/a.ts" in multi-root) to an existing file, with
 * the gate's answer for it: that answer's stat is the one that finds the file.
 */
export async function locateWorkspaceFile(
  path: string,
  exclude: readonly string[],
): Promise<{ uri: vscode.Uri; access: Exclude<ModelAccess, { kind: 'unreadable' }> } | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const segments = path.replace(/\\/g, '/').replace(/^\.\//, '').split('/').filter(Boolean);
  const candidates = folders.flatMap((folder) =>
    folder.name === segments[0] && segments.length > 1
      ? [vscode.Uri.joinPath(folder.uri, ...segments.slice(1)), vscode.Uri.joinPath(folder.uri, ...segments)]
      : [vscode.Uri.joinPath(folder.uri, ...segments)],
  );
  for (const uri of candidates) {
    const access = await mayReachModel(uri, 'model', exclude);
    if (access.kind === 'unreadable') continue; // not in this folder
    if (access.kind === 'allowed' && ((access.file?.type ?? 0) & vscode.FileType.File) === 0) continue;
    return { uri, access };
  }
  return undefined;
}
