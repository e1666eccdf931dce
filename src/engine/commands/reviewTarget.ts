import type * as vscode from 'vscode';

/**
 * What Review this API asked the chat to review. The chat adds the editor's implicit context to the
 * request, recomputed with a delay, so it can still name the file or selection of a moment ago; the
 * `/review` request that follows the command keeps only what the command meant. Waits for that one
 * request, briefly.
 */
let pending: { readonly key: string; readonly until: number } | undefined;
const PENDING_MS = 30_000;

export function rememberReviewTarget(uri: vscode.Uri): void {
  pending = { key: uri.toString(), until: Date.now() + PENDING_MS };
}

/** The resource key of the file Review this API was run on, once, if it was run a moment ago. */
export function takeReviewTarget(): string | undefined {
  const taken = pending;
  pending = undefined;
  return taken && taken.until >= Date.now() ? taken.key : undefined;
}
