import * as vscode from 'vscode';
import { excludingPattern } from '../../core/context/exclude';
import {
  excludedMessage,
  findFilesResult,
  findReferencesResult,
  findSymbolResult,
  readFileResult,
  type ProtectionSettings,
  type ToolOutput,
} from '../../core/tools/toolResults';
import {
  clampReadRange,
  findFilesInput,
  findReferencesInput,
  findSymbolInput,
  MAX_FIND_RESULTS,
  parseToolInput,
  readFileInput,
  TOOL_NAMES,
  type ToolName,
} from '../../core/tools/toolSchemas';
import { lazy } from '../../core/lazy';
import { readSource } from '../context/gatherContext';
import { t } from '../l10n';
import { protectionFor } from '../settings';

export interface ToolRun {
  readonly output: ToolOutput;
  /** Shown in the chat while the tool runs: "Reading src/db/users.ts lines 1–80". */
  readonly progress: string;
  readonly reference?: vscode.Uri | vscode.Location;
}

const ALL_TOOLS: readonly ToolName[] = Object.values(TOOL_NAMES);
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
    return refusal(t('{0} failed: {1}', name, error instanceof Error ? error.message : String(error)), t('A tool failed'));
  }
}

function refusal(text: string, progress: string): ToolRun {
  return { output: { text, redactions: 0 }, progress };
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
    case TOOL_NAMES.findFiles: {
      const parsed = parseToolInput(findFilesInput, input);
      if (!parsed.ok) return refusal(parsed.error, t('Finding files'));
      const limit = parsed.value.maxResults ?? 50;
      const found = await vscode.workspace.findFiles(parsed.value.pattern, undefined, limit + 1, token);
      const files = found
        .slice(0, limit)
        .map(place)
        .sort((a, b) => a.path.localeCompare(b.path));
      return {
        output: findFilesResult(files, parsed.value.pattern, found.length > limit, protection),
        progress: t('Finding files matching {0}', parsed.value.pattern),
      };
    }
    case TOOL_NAMES.readFile: {
      const parsed = parseToolInput(readFileInput, input);
      if (!parsed.ok) return refusal(parsed.error, t('Reading a file'));
      const uri = await resolveWorkspacePath(parsed.value.path);
      if (!uri) return refusal(t('{0} was not found in the workspace.', parsed.value.path), t('Reading {0}', parsed.value.path));
      const source = await readSource(uri);
      const output = await readFileResult(source, parsed.value, protection);
      const lines = output.sent ? { startLine: output.sent.startLine, endLine: output.sent.endLine } : clampReadRange(parsed.value, 1);
      return {
        output,
        progress: t('Reading {0} lines {1}–{2}', source.label, lines.startLine, lines.endLine),
        ...(output.sent ? { reference: new vscode.Location(uri, new vscode.Range(lines.startLine - 1, 0, lines.endLine - 1, 0)) } : {}),
      };
    }
    case TOOL_NAMES.findSymbol: {
      const parsed = parseToolInput(findSymbolInput, input);
      if (!parsed.ok) return refusal(parsed.error, t('Finding a definition'));
      const symbols =
        (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>(
          'vscode.executeWorkspaceSymbolProvider',
          parsed.value.name,
        )) ?? [];
      const wanted = parsed.value.name.toLowerCase();
      const found = symbols
        .filter((symbol) => symbol.name.toLowerCase() === wanted || symbol.name.toLowerCase().startsWith(wanted))
        .slice(0, 20)
        .map((symbol) => ({
          name: symbol.name,
          kind: symbolKinds()[symbol.kind] ?? 'symbol',
          ...place(symbol.location.uri),
          line: symbol.location.range.start.line + 1,
          ...(symbol.containerName ? { container: symbol.containerName } : {}),
        }));
      return {
        output: findSymbolResult(found, parsed.value.name, protection),
        progress: t('Finding the definition of {0}', parsed.value.name),
      };
    }
    case TOOL_NAMES.findReferences: {
      const parsed = parseToolInput(findReferencesInput, input);
      if (!parsed.ok) return refusal(parsed.error, t('Finding references'));
      const { path, line, symbol } = parsed.value;
      const progress = t('Finding references to {0}', symbol);
      const uri = await resolveWorkspacePath(path);
      if (!uri) return refusal(t('{0} was not found in the workspace.', path), progress);
      // Looking for a symbol in a file reveals what the file holds: an excluded file is not opened.
      const pattern = excludingPattern(vscode.workspace.asRelativePath(uri, false), protection.exclude);
      if (pattern !== undefined) return refusal(excludedMessage(vscode.workspace.asRelativePath(uri), pattern, t), progress);
      const document = await vscode.workspace.openTextDocument(uri);
      const column = line <= document.lineCount ? document.lineAt(line - 1).text.indexOf(symbol) : -1;
      if (column === -1) return refusal(t('{0} does not appear on line {1} of {2}.', symbol, line, path), progress);
      const locations =
        (await vscode.commands.executeCommand<vscode.Location[] | undefined>(
          'vscode.executeReferenceProvider',
          uri,
          new vscode.Position(line - 1, column),
        )) ?? [];
      const references = locations.slice(0, MAX_FIND_RESULTS).map((location) => {
        const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === location.uri.toString());
        const lineText = open && location.range.start.line < open.lineCount ? open.lineAt(location.range.start.line).text : undefined;
        return { ...place(location.uri), line: location.range.start.line + 1, ...(lineText === undefined ? {} : { lineText }) };
      });
      return { output: await findReferencesResult(references, symbol, protection), progress };
    }
    default:
      return refusal(t('There is no tool named {0}.', name), t('Unknown tool'));
  }
}

/** A workspace-relative path ("src/a.ts", or "beta/src/a.ts" in multi-root) to an existing file. */
async function resolveWorkspacePath(path: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const segments = path.replace(/\\/g, '/').replace(/^\.\//, '').split('/').filter(Boolean);
  const candidates = folders.flatMap((folder) =>
    folder.name === segments[0] && segments.length > 1
      ? [vscode.Uri.joinPath(folder.uri, ...segments.slice(1)), vscode.Uri.joinPath(folder.uri, ...segments)]
      : [vscode.Uri.joinPath(folder.uri, ...segments)],
  );
  for (const candidate of candidates) {
    try {
      const stat = await vscode.workspace.fs.stat(candidate);
      if ((stat.type & vscode.FileType.File) !== 0) return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * The same tools for everyone else (agent mode, other participants), through vscode.lm. Our own loop
 * calls runTool directly: it keeps the request's cancellation token and asks for no confirmation.
 */
export function registerWorkspaceTools(context: vscode.ExtensionContext): void {
  for (const name of ALL_TOOLS) {
    context.subscriptions.push(
      vscode.lm.registerTool<unknown>(name, {
        async invoke(options, token) {
          const run = await runTool(name, options.input, token);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(run.output.text)]);
        },
        prepareInvocation(options) {
          const input = options.input as { path?: unknown; pattern?: unknown; name?: unknown; symbol?: unknown } | undefined;
          const subject = [input?.path, input?.pattern, input?.name, input?.symbol].find((value) => typeof value === 'string');
          return {
            invocationMessage: subject
              ? t('Architect: {0} ({1})', name.replace('architect_', ''), String(subject))
              : t('Architect: {0}', name),
          };
        },
      }),
    );
  }
}
