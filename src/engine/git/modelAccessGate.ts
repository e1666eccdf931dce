import * as vscode from 'vscode';
import { t } from '../../common/l10n';
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

/**
 * May the lines a renamed or copied file brought from its source reach a model? They are the source's
 * lines in Git, so the source is checked as the file itself is; when it is gone from the disk (the usual
 * rename), by where it was: a source outside every workspace folder sends nothing.
 */
export async function mayChangeSourceReachModel(uri: vscode.Uri): Promise<ChangedFileAccess> {
  const access = await mayChangedFileReachModel(uri);
  if (access.kind !== 'unreadable') return access;
  if (vscode.workspace.getWorkspaceFolder(uri) !== undefined) return { kind: 'allowed' };
  return { kind: 'refused', reason: t('its lines come from a file outside the workspace folders') };
}
