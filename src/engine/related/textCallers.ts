import * as vscode from 'vscode';
import { CALLER_GLOBS, callerSearchOrder, callerWindow, callSites, reviewedDeclarations } from '../../core/related/callers';
import { codeFamilyOf, maskedLines } from '../../core/related/codeText';
import { WorkBudget } from '../../core/related/rankRelated';
import { type ResolveContext } from '../../core/related/resolveImport';
import { excludeGlob } from '../../core/related/searchGlob';
import { MAX_RELATED_FILE_BYTES } from './relatedFiles';
import {
  beforeDeadline,
  folderRelative,
  gathered,
  inFolder,
  isCancelledOrLate,
  type GatherContext,
  type GatheredSink,
  type ReviewedCode,
} from './relatedWork';

/** Searches for callers per gathering; the files each may list, and the nearest of them read. */
const MAX_CALLER_SEARCHES = 2;
const MAX_CALLER_LISTED = 400;
const MAX_CALLER_FILES = 24;

/**
 * Callers without a language server: where other files call or register what the reviewed lines
 * declare. The files nearest the reviewed one are listed (with `architect.exclude` and `node_modules`
 * left out of the search), read through the gate, and kept when they import the reviewed module (Go:
 * its package); each use is sent as a short window around it.
 */
export class TextCallers {
  private readonly searches = new WorkBudget(MAX_CALLER_SEARCHES);

  constructor(
    private readonly context: GatherContext,
    private readonly sink: GatheredSink,
  ) {}

  /** Lists at once; reads once `first` (the search for definitions) has settled. */
  async gather(code: ReviewedCode, folder: vscode.WorkspaceFolder, resolve: ResolveContext, first: Promise<unknown>): Promise<void> {
    const glob = CALLER_GLOBS[code.family];
    if (glob === undefined || code.text.length > MAX_RELATED_FILE_BYTES) return;
    const reviewed = reviewedDeclarations(code.text, code.family, code.ranges, resolve.importer);
    if (reviewed.names.length === 0 || !this.searches.take()) return;
    // A Go package is called from inside its module only.
    const base = code.family === 'go' && resolve.goModule ? resolve.goModule.directory : '';
    const uris = await beforeDeadline(
      () =>
        vscode.workspace.findFiles(
          new vscode.RelativePattern(inFolder(folder, base), glob),
          excludeGlob(this.context.exclude),
          MAX_CALLER_LISTED,
          this.context.token,
        ),
      this.context,
    );
    const byPath = new Map<string, vscode.Uri>();
    for (const uri of uris ?? []) {
      const path = folderRelative(folder, uri);
      if (path !== undefined && codeFamilyOf(path) === code.family) byPath.set(path, uri);
    }
    await first.catch(() => undefined);
    const nearest = callerSearchOrder([...byPath.keys()], resolve.importer, MAX_CALLER_FILES);
    await Promise.all(
      nearest.map(async (path) => {
        const uri = byPath.get(path);
        const file = uri && !isCancelledOrLate(this.context) ? await this.context.files.read(uri) : undefined;
        if (!file) return;
        const sites = callSites({ path, text: file.text }, reviewed, { ...resolve, importer: path });
        if (sites.length === 0) return;
        const lines = maskedLines(file.text, code.family);
        for (const site of sites) {
          const range = callerWindow(lines, site.line, code.family);
          const piece = { symbol: site.name, reason: 'caller' as const, usedAt: site.name };
          this.sink.byText.push(gathered(file, range, piece, code.firstUseIndex, `caller:${site.name}`));
        }
      }),
    );
  }
}
