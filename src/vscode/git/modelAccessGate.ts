import type * as vscode from 'vscode';
import { mayReachModel } from '../protect/mayReachModel';

export type ChangedFileAccess =
  { readonly kind: 'allowed'; readonly size?: number } | { readonly kind: 'refused' | 'unreadable'; readonly reason: string };

/**
 * May the bytes of this changed file reach a model? The product's one gate decides (containment, the
 * real target of a link, exclusion). A file excluded by its own name passes here on purpose: the core
 * names it in the answer as excluded, as it does for attachments, and never sends its lines.
 */
export async function mayChangedFileReachModel(uri: vscode.Uri): Promise<ChangedFileAccess> {
  const access = await mayReachModel(uri, 'model');
  if (access.kind === 'allowed') return { kind: 'allowed', ...(access.file ? { size: access.file.size } : {}) };
  if (access.kind === 'refused' && access.verdict.why === 'excluded' && !access.verdict.throughLink) return { kind: 'allowed' };
  return access;
}
