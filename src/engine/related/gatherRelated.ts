import * as vscode from 'vscode';
import { type LineRange } from '../../core/findings/shownLines';
import { codeFamilyOf, isCodePath } from '../../core/related/codeText';
import { identifierUses } from '../../core/related/identifierUses';
import { rankRelated } from '../../core/related/rankRelated';
import { type RelatedCandidate } from '../../core/related/relatedCode';
import { readSource } from '../context/gatherContext';
import { protectionFor } from '../../common/settings';
import { withinDeadline } from '../../core/withinDeadline';
import { RelatedCache, stillCurrent } from './relatedCache';
import { RelatedJob, watchJob } from './relatedJob';
import { type ExecuteCommand, type Gathered, type ReviewedCode } from './relatedWork';
import { type RelatedProbe } from './relatedFiles';

/** The code under review: a file and the lines of it that are reviewed (the selection, window or changed lines). */
export interface RelatedTarget {
  readonly uri: vscode.Uri;
  readonly ranges: readonly LineRange[];
  /** Its text as the gather phase already read it (through the same gate): then it is not read again. */
  readonly read?: { readonly label: string; readonly matchPath: string; readonly text: string };
}

export interface RelatedGathering {
  readonly candidates: readonly RelatedCandidate[];
  /** The Uri of each candidate's key, for references and findings. */
  readonly uris: ReadonlyMap<string, vscode.Uri>;
  /** For the log: how long it took, which way it was found ('language-server' | 'text' | 'none'), how many candidates were refused by the gate. */
  readonly stats: { readonly ms: number; readonly via: string; readonly refused: number; readonly detail: string };
}

/** Files under review looked at, per gathering. */
const MAX_TARGETS = 10;

/**
 * How old a gathering may get before a request stops waiting for the language servers, once the text
 * search is done and something was found: a server still loading its project, or a slow reference
 * search, no longer holds the request until the deadline. When nothing was found, the deadline holds.
 * A warm server's slowest definition answer took 10–70 ms in the recall benchmark, and the text search
 * itself rarely ends sooner, so a longer wait only ever waited for servers that were loading.
 */
export const RELATED_SOFT_MS = 75;
/** How long a gathering kept for later reviews may run on after its request went (bounded; never holds a request). */
export const RELATED_BACKGROUND_MS = 5000;

const sharedCache = new RelatedCache();

/** Resolves within `deadlineMs` whatever the language servers do; never throws (failures end as fewer candidates). */
export function gatherRelated(
  targets: readonly RelatedTarget[],
  options: { readonly token: vscode.CancellationToken; readonly deadlineMs: number },
): Promise<RelatedGathering> {
  return gatherRelatedWith(targets, options, { cache: sharedCache });
}

/**
 * What a test may put in place of the real thing: the command runner (to make it hang or fail), a probe
 * that counts reads, the soft wait, and a cache (none unless given: each call gathers anew).
 */
export interface RelatedSeams extends RelatedProbe {
  readonly execute?: ExecuteCommand;
  readonly softMs?: number;
  readonly cache?: RelatedCache;
}

/**
 * Both ways at once: the language servers and the text search start together (the text search is
 * cheap, and a server that is still loading its project must not leave the request with nothing). A
 * use the language server answered is decided by it; the text search fills in the rest. The request
 * waits for all of it only until the soft wait (`RELATED_SOFT_MS`) once the text search found
 * something, and never past the deadline.
 */
export async function gatherRelatedWith(
  targets: readonly RelatedTarget[],
  options: { readonly token: vscode.CancellationToken; readonly deadlineMs: number },
  seams: RelatedSeams = {},
): Promise<RelatedGathering> {
  const started = Date.now();
  const { token } = options;
  const exclude = protectionFor(targets.map((target) => target.uri)).exclude;
  // A little before the caller's deadline, so that ranking and the answer land inside it even on a busy host.
  const hardDeadline = started + Math.max(0, options.deadlineMs - Math.min(100, options.deadlineMs / 10));
  const reading = Promise.resolve().then(() => readReviewed(targets.filter((target) => isCodePath(target.uri.path)).slice(0, MAX_TARGETS)));
  const codes = await withinDeadline(reading, hardDeadline - Date.now(), token);
  if (codes === undefined || token.isCancellationRequested) return result([], [], started, 'none', 0, 'reading the code under review');
  const job = await jobFor(codes, exclude, seams, hardDeadline, token);
  // Whatever failed leaves fewer candidates, never a failed request; at the deadline, what arrived is what goes.
  await watchJob(job, { token, hardDeadline, softMs: seams.softMs ?? RELATED_SOFT_MS });
  const origin = job.started >= started ? 'new' : `kept from ${started - job.started} ms before`;
  const detail = `${codes.length} files under review, gathering ${origin}; ${job.describe()}`;
  if (token.isCancellationRequested) return result([], [], started, 'none', job.files.refused, detail);
  const byServer = [...job.sink.byServer];
  const byText = job.sink.byText.filter((item) => !job.sink.decided.has(item.useId));
  const found = [...byServer, ...byText];
  const candidates = rankRelated(found.map((item) => item.item));
  const via = byServer.length > 0 ? 'language-server' : byText.length > 0 ? 'text' : 'none';
  return result(candidates, found, started, candidates.length === 0 ? 'none' : via, job.files.refused, detail);
}

/**
 * The gathering this request watches: a kept one when it is still current, else a new one (kept when
 * there is a cache). A kept one without its language servers' part is sent as it is, and a new one
 * starts beside it for the next review: this request does not wait for servers that were loading.
 */
async function jobFor(
  codes: readonly ReadCode[],
  exclude: readonly string[],
  seams: RelatedSeams,
  hardDeadline: number,
  token: vscode.CancellationToken,
): Promise<RelatedJob> {
  const { cache } = seams;
  const kept = cache?.find(codes, exclude);
  // The check of a kept job's files is bounded by the deadline too: when it does not end in time, the job is not used.
  const current = kept?.job.done
    ? await withinDeadline(stillCurrent(kept.job, codes, exclude, seams), hardDeadline - Date.now(), token)
    : true;
  if (kept && current) {
    // Two reviews of the same code at once both found the kept job; only the first starts its successor.
    if (kept.refresh && cache?.find(codes, exclude)?.job === kept.job) startJob(codes, exclude, seams, hardDeadline);
    return kept.job;
  }
  cache?.forget(codes, exclude);
  return startJob(codes, exclude, seams, hardDeadline);
}

/** A new gathering, remembered in the cache when there is one (then it may run on after its request went). */
function startJob(codes: readonly ReadCode[], exclude: readonly string[], seams: RelatedSeams, hardDeadline: number): RelatedJob {
  const { cache } = seams;
  const job = new RelatedJob(withUses(codes), {
    exclude,
    execute: seams.execute ?? ((command, ...args) => vscode.commands.executeCommand(command, ...args)),
    deadlineMs: cache ? RELATED_BACKGROUND_MS : Math.max(0, hardDeadline - Date.now()),
    ...(seams.onLook ? { onLook: seams.onLook } : {}),
    ...(seams.onRead ? { onRead: seams.onRead } : {}),
  });
  cache?.remember(codes, exclude, job);
  return job;
}

/** A file under review, read, before the names its lines use are worked out (a kept gathering needs only this). */
type ReadCode = Omit<ReviewedCode, 'uses' | 'firstUseIndex'>;

async function readReviewed(targets: readonly RelatedTarget[]): Promise<ReadCode[]> {
  const sources = await Promise.all(
    targets.map(async (target) => {
      if (target.read) return target.read;
      const source = await readSource(target.uri).catch(() => undefined);
      return source?.content.kind === 'text' ? { label: source.label, matchPath: source.matchPath, text: source.content.text } : undefined;
    }),
  );
  return targets.flatMap((target, index): ReadCode[] => {
    const source = sources[index];
    if (!source) return [];
    return [
      {
        uri: target.uri,
        key: target.uri.toString(),
        label: source.label,
        matchPath: source.matchPath,
        text: source.text,
        family: codeFamilyOf(target.uri.path) ?? 'braces',
        ranges: target.ranges,
      },
    ];
  });
}

/** The names each file's reviewed lines use, numbered across the files: the uses of earlier targets come first in the ranking. */
function withUses(read: readonly ReadCode[]): ReviewedCode[] {
  let firstUseIndex = 0;
  return read.map((code) => {
    const { uses } = identifierUses(code.text, code.family, code.ranges);
    const reviewed = { ...code, uses, firstUseIndex };
    firstUseIndex += uses.length;
    return reviewed;
  });
}

function result(
  candidates: readonly RelatedCandidate[],
  found: readonly Gathered[],
  started: number,
  via: string,
  refused: number,
  detail: string,
): RelatedGathering {
  const known = new Map(found.map((item) => [item.item.candidate.key, item.uri]));
  const uris = new Map<string, vscode.Uri>();
  for (const candidate of candidates) {
    const uri = known.get(candidate.key);
    if (uri) uris.set(candidate.key, uri);
  }
  return { candidates, uris, stats: { ms: Date.now() - started, via, refused, detail } };
}
