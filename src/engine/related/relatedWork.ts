import * as vscode from 'vscode';
import { codeListings } from './codeListing';
import { type LineRange } from '../../core/findings/shownLines';
import { type CodeFamily } from '../../core/related/codeText';
import { type IdentifierUse } from '../../core/related/identifierUses';
import { type FoundRelated } from '../../core/related/rankRelated';
import { type RelatedCandidate, type RelatedReason } from '../../core/related/relatedCode';
import { excludeGlob } from '../../core/related/searchGlob';
import { withinDeadline } from '../../core/withinDeadline';
import { type RelatedFile, type RelatedFiles } from './relatedFiles';

/** How the gatherer reaches the language features; a test may wrap it to count or to fail. */
export type ExecuteCommand = <T>(command: string, ...args: unknown[]) => Thenable<T>;

/** What both ways of gathering share for one request. */
export interface GatherContext {
  readonly files: RelatedFiles;
  readonly execute: ExecuteCommand;
  readonly deadline: number;
  readonly token: vscode.CancellationToken;
  readonly exclude: readonly string[];
}

/** One file under review, read, with the names its reviewed lines use. */
export interface ReviewedCode {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly label: string;
  readonly matchPath: string;
  readonly text: string;
  readonly family: CodeFamily;
  readonly ranges: readonly LineRange[];
  readonly uses: readonly IdentifierUse[];
  /** Where the uses are numbered from: the uses of earlier targets come first in the ranking. */
  readonly firstUseIndex: number;
}

/** A found piece with the use it answers ("orders.list", "searchOrders"), so the two ways can be merged. */
export interface Gathered {
  readonly item: FoundRelated;
  readonly useId: string;
  readonly uri: vscode.Uri;
}

/**
 * Where both ways put what they find, as they find it: when the deadline passes, what arrived so far
 * is what is sent.
 */
export interface GatheredSink {
  readonly byServer: Gathered[];
  readonly byText: Gathered[];
  /** Uses the language server answered (with a definition anywhere, even one not sent). */
  readonly decided: Set<string>;
}

export function gathered(
  file: RelatedFile,
  range: LineRange,
  piece: { readonly symbol: string; readonly reason: RelatedReason; readonly usedAt: string },
  useIndex: number,
  useId: string,
): Gathered {
  const candidate: RelatedCandidate = {
    key: file.key,
    label: file.label,
    matchPath: file.matchPath,
    text: file.text,
    startLine: range.startLine,
    endLine: range.endLine,
    symbol: piece.symbol,
    reason: piece.reason,
    usedAt: piece.usedAt,
  };
  return { item: { candidate, useIndex }, useId, uri: file.uri };
}

export function usedAt(code: ReviewedCode, use: IdentifierUse): string {
  return `${code.label}:${use.line}`;
}

export function isCancelledOrLate(context: GatherContext): boolean {
  return context.token.isCancellationRequested || Date.now() >= context.deadline;
}

/**
 * The work's answer, or undefined when it fails, the deadline passes first or the request is
 * cancelled: a language server that never answers holds nothing up. Once late or cancelled, the work
 * is not started at all.
 */
export function beforeDeadline<T>(work: () => Thenable<T>, context: GatherContext): Promise<T | undefined> {
  if (isCancelledOrLate(context)) return Promise.resolve(undefined);
  // Started here, at once; a work that throws is one that failed.
  const started = new Promise<T>((resolve) => resolve(work()));
  return withinDeadline(started, context.deadline - Date.now(), context.token);
}

/** What `map` holds for `key`, made and kept on first use: each file is read, masked or outlined once. */
export function keptIn<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** `uri`'s path relative to the workspace folder ("src/a.ts"); undefined outside it. */
export function folderRelative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

/** The Uri of a folder-relative path in the workspace folder. */
export function inFolder(folder: vscode.WorkspaceFolder, relative: string): vscode.Uri {
  return relative === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** The files of a search in the workspace, at most `max`, with the exclusions and `node_modules` left out. */
export async function findFiles(context: GatherContext, pattern: vscode.RelativePattern, max: number): Promise<vscode.Uri[]> {
  // A listing is kept for the gatherings after this one (codeListing.ts); every file is still read through the gate.
  const uris = await beforeDeadline(() => codeListings.find(pattern, excludeGlob(context.exclude), max), context);
  return (uris ?? []).slice(0, max);
}

/** The files of `uris` that pass the gate and read as text. */
export async function readAll(context: GatherContext, uris: readonly vscode.Uri[]): Promise<RelatedFile[]> {
  const files = await Promise.all(uris.map((uri) => context.files.read(uri)));
  return files.filter((file) => file !== undefined);
}
