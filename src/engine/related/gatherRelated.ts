import * as vscode from 'vscode';
import { type LineRange } from '../../core/findings/shownLines';
import { codeFamilyOf, isCodePath } from '../../core/related/codeText';
import { identifierUses } from '../../core/related/identifierUses';
import { rankRelated } from '../../core/related/rankRelated';
import { type RelatedCandidate } from '../../core/related/relatedCode';
import { readSource } from '../context/gatherContext';
import { protectionFor } from '../../common/settings';
import { LanguageServerGatherer } from './languageFeatures';
import {
  beforeDeadline,
  type ExecuteCommand,
  type GatherContext,
  type Gathered,
  type GatheredSink,
  type ReviewedCode,
} from './relatedWork';
import { RelatedFiles, type RelatedProbe } from './relatedFiles';
import { TextGatherer } from './textFallback';

/** The code under review: a file and the lines of it that are reviewed (the selection, window or changed lines). */
export interface RelatedTarget {
  readonly uri: vscode.Uri;
  readonly ranges: readonly LineRange[];
}

export interface RelatedGathering {
  readonly candidates: readonly RelatedCandidate[];
  /** The Uri of each candidate's key, for references and findings. */
  readonly uris: ReadonlyMap<string, vscode.Uri>;
  /** For the log: how long it took, which way it was found ('language-server' | 'text' | 'none'), how many candidates were refused by the gate. */
  readonly stats: { readonly ms: number; readonly via: string; readonly refused: number };
}

/** Files under review looked at, per gathering. */
const MAX_TARGETS = 10;

/** Resolves within `deadlineMs` whatever the language servers do; never throws (failures end as fewer candidates). */
export function gatherRelated(
  targets: readonly RelatedTarget[],
  options: { readonly token: vscode.CancellationToken; readonly deadlineMs: number },
): Promise<RelatedGathering> {
  return gatherRelatedWith(targets, options);
}

/** What a test may put in place of the real thing: the command runner (to make it hang or fail) and a probe that counts reads. */
export interface RelatedSeams extends RelatedProbe {
  readonly execute?: ExecuteCommand;
}

/**
 * Both ways at once, under one deadline: the language servers and the text search start together
 * (the text search is cheap, and a server that is still loading its project must not leave the
 * request with nothing). A use the language server answered is decided by it; the text search fills
 * in the rest.
 */
export async function gatherRelatedWith(
  targets: readonly RelatedTarget[],
  options: { readonly token: vscode.CancellationToken; readonly deadlineMs: number },
  seams: RelatedSeams = {},
): Promise<RelatedGathering> {
  const started = Date.now();
  const exclude = protectionFor(targets.map((target) => target.uri)).exclude;
  const files = new RelatedFiles(exclude, seams);
  const context: GatherContext = {
    files,
    execute: seams.execute ?? ((command, ...args) => vscode.commands.executeCommand(command, ...args)),
    // A little before the caller's deadline, so that ranking and the answer land inside it even on a busy host.
    deadline: started + Math.max(0, options.deadlineMs - Math.min(100, options.deadlineMs / 10)),
    token: options.token,
    exclude,
  };
  const sink: GatheredSink = { byServer: [], byText: [], decided: new Set() };
  const work = async () => {
    const codes = await reviewedCode(targets.filter((target) => isCodePath(target.uri.path)).slice(0, MAX_TARGETS));
    const server = new LanguageServerGatherer(context, sink);
    const text = new TextGatherer(context, sink);
    await Promise.all(codes.flatMap((code) => [server.gather(code).catch(() => undefined), text.gather(code).catch(() => undefined)]));
  };
  // Whatever failed leaves fewer candidates, never a failed request; at the deadline, what arrived is what goes.
  await beforeDeadline(work, context);
  if (options.token.isCancellationRequested) return result([], [], started, 'none', files.refused);
  const byServer = [...sink.byServer];
  const byText = sink.byText.filter((item) => !sink.decided.has(item.useId));
  const found = [...byServer, ...byText];
  const candidates = rankRelated(found.map((item) => item.item));
  const via = byServer.length > 0 ? 'language-server' : byText.length > 0 ? 'text' : 'none';
  return result(candidates, found, started, candidates.length === 0 ? 'none' : via, files.refused);
}

async function reviewedCode(targets: readonly RelatedTarget[]): Promise<ReviewedCode[]> {
  const codes: ReviewedCode[] = [];
  let firstUseIndex = 0;
  const sources = await Promise.all(targets.map((target) => readSource(target.uri).catch(() => undefined)));
  targets.forEach((target, index) => {
    const source = sources[index];
    if (source?.content.kind !== 'text') return;
    const family = codeFamilyOf(target.uri.path) ?? 'braces';
    const { uses } = identifierUses(source.content.text, family, target.ranges);
    codes.push({
      uri: target.uri,
      key: target.uri.toString(),
      label: source.label,
      matchPath: source.matchPath,
      text: source.content.text,
      family,
      ranges: target.ranges,
      uses,
      firstUseIndex,
    });
    firstUseIndex += uses.length;
  });
  return codes;
}

function result(
  candidates: readonly RelatedCandidate[],
  found: readonly Gathered[],
  started: number,
  via: string,
  refused: number,
): RelatedGathering {
  const known = new Map(found.map((item) => [item.item.candidate.key, item.uri]));
  const uris = new Map<string, vscode.Uri>();
  for (const candidate of candidates) {
    const uri = known.get(candidate.key);
    if (uri) uris.set(candidate.key, uri);
  }
  return { candidates, uris, stats: { ms: Date.now() - started, via, refused } };
}
