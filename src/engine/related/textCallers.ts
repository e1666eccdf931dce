import * as vscode from 'vscode';
import { CALLER_GLOBS, callerSearchOrder, callerWindow, callSites, reviewedDeclarations } from '../../core/related/callers';
import { codeFamilyOf, maskedLines } from '../../core/related/codeText';
import { type WorkBudget } from '../../core/related/rankRelated';
import { type ResolveContext } from '../../core/related/resolveImport';
import { MAX_RELATED_FILE_BYTES } from './relatedFiles';
import {
  findFiles,
  folderRelative,
  gathered,
  inFolder,
  isCancelledOrLate,
  type GatherContext,
  type GatheredSink,
  type ReviewedCode,
} from './relatedWork';

/** Searches for callers per gathering; the files each may list, and the nearest of them read. */
export const MAX_CALLER_SEARCHES = 2;
const MAX_CALLER_LISTED = 400;
const MAX_CALLER_FILES = 24;

/** What the search for callers needs of the gathering: where to read and put, and the searches left. */
export interface CallerSearch {
  readonly context: GatherContext;
  readonly sink: GatheredSink;
  readonly callerSearches: WorkBudget;
}

/**
 * Callers without a language server: where other files call or register what the reviewed lines
 * declare. The files nearest the reviewed one are listed (with `architect.exclude` and `node_modules`
 * left out of the search), read through the gate, and kept when they import the reviewed module (Go:
 * its package); each use is sent as a short window around it. Lists at once; reads once `first` (the
 * search for definitions) has settled.
 */
export async function gatherCallers(
  search: CallerSearch,
  code: ReviewedCode,
  folder: vscode.WorkspaceFolder,
  resolve: ResolveContext,
  first: Promise<unknown>,
): Promise<void> {
  const { context } = search;
  const glob = CALLER_GLOBS[code.family];
  if (glob === undefined || code.text.length > MAX_RELATED_FILE_BYTES) return;
  const reviewed = reviewedDeclarations(code.text, code.family, code.ranges, resolve.importer);
  if (reviewed.names.length === 0 || !search.callerSearches.take()) return;
  // A Go package is called from inside its module only.
  const base = code.family === 'go' && resolve.goModule ? resolve.goModule.directory : '';
  const uris = await findFiles(context, new vscode.RelativePattern(inFolder(folder, base), glob), MAX_CALLER_LISTED);
  const byPath = new Map<string, vscode.Uri>();
  for (const uri of uris) {
    const path = folderRelative(folder, uri);
    if (path !== undefined && codeFamilyOf(path) === code.family) byPath.set(path, uri);
  }
  await first.catch(() => undefined);
  const nearest = callerSearchOrder([...byPath.keys()], resolve.importer, MAX_CALLER_FILES);
  await Promise.all(
    nearest.map(async (path) => {
      const uri = byPath.get(path);
      const file = uri && !isCancelledOrLate(context) ? await context.files.read(uri) : undefined;
      if (!file) return;
      const sites = callSites({ path, text: file.text }, reviewed, { ...resolve, importer: path });
      if (sites.length === 0) return;
      const lines = maskedLines(file.text, code.family);
      for (const site of sites) {
        const range = callerWindow(lines, site.line, code.family);
        const piece = { symbol: site.name, reason: 'caller' as const, usedAt: site.name };
        search.sink.byText.push(gathered(file, range, piece, code.firstUseIndex, `caller:${site.name}`));
      }
    }),
  );
}
