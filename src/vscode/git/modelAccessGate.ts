import * as vscode from 'vscode';
import { t } from '../l10n';

export type ChangedFileAccess =
  { readonly kind: 'allowed'; readonly size?: number } | { readonly kind: 'refused' | 'unreadable'; readonly reason: string };

/**
 * May the bytes of this changed file reach a model? STAND-IN: the product's one gate for that question
 * (containment, exclusion, the real target of a link) is being written on another branch; when it lands,
 * this body becomes a call to it and nothing else changes. Until then it refuses what is outside the
 * workspace folders and symbolic links, whose targets it cannot follow. Exclusion is checked in the core.
 */
export async function mayChangedFileReachModel(uri: vscode.Uri): Promise<ChangedFileAccess> {
  if (vscode.workspace.getWorkspaceFolder(uri) === undefined) return { kind: 'refused', reason: t('it is outside the workspace folders') };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.SymbolicLink) !== 0) return { kind: 'refused', reason: t('it is a symbolic link') };
    return { kind: 'allowed', size: stat.size };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
