import type * as vscode from 'vscode';
import { type LineRange } from '../../core/findings/shownLines';
import { type RelatedCandidate } from '../../core/related/relatedCode';

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

/**
 * Resolves within `deadlineMs` whatever the language servers do; never throws (failures end as fewer
 * candidates). This placeholder finds nothing; the gatherer that asks the language features takes its place.
 */
export function gatherRelated(
  targets: readonly RelatedTarget[],
  options: { readonly token: vscode.CancellationToken; readonly deadlineMs: number },
): Promise<RelatedGathering> {
  void targets;
  void options;
  return Promise.resolve({ candidates: [], uris: new Map(), stats: { ms: 0, via: 'none', refused: 0 } });
}
