import * as vscode from 'vscode';
import { fingerprintLines } from '../../core/findings/fingerprint';
import { type Finding } from '../../core/findings/parseFindings';
import { type UriTable } from '../../engine/context/uriTable';

/** A finding's lines as they read when it was reported, and where its file sits in the workspace. */
export interface LineSnapshot {
  readonly lines: readonly string[];
  readonly fingerprint: string;
  /** Path relative to its workspace folder (forward slashes); undefined outside every folder. */
  readonly file?: string;
  readonly folder?: vscode.WorkspaceFolder;
}

/**
 * The lines of each finding, read from the document as it is now (unsaved edits included; a file that
 * is not open is loaded through VS Code, so remote and virtual workspaces work). A file that cannot be
 * read leaves its findings without a snapshot: no quick fix and no ignore for them, nothing fails.
 */
export async function snapshotFindings(findings: readonly Finding[], resources: UriTable): Promise<Map<Finding, LineSnapshot>> {
  const documents = new Map<string, Promise<vscode.TextDocument | undefined>>();
  const open = (uriText: string) => {
    const uri = resources.get(uriText);
    if (uri === undefined) return undefined;
    const document = documents.get(uriText) ?? Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
    documents.set(uriText, document);
    return document;
  };
  const snapshots = new Map<Finding, LineSnapshot>();
  for (const finding of findings) {
    if (finding.piece.uri === undefined) continue;
    const document = await open(finding.piece.uri);
    if (document === undefined || finding.endLine > document.lineCount) continue;
    snapshots.set(finding, snapshotOf(document, finding.line, finding.endLine));
  }
  return snapshots;
}

export function snapshotOf(document: vscode.TextDocument, line: number, endLine: number): LineSnapshot {
  const lines = currentLines(document, line, endLine) ?? [];
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return {
    lines,
    fingerprint: fingerprintLines(lines),
    ...(folder ? { folder, file: vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/') } : {}),
  };
}

/** Lines `line..endLine` (1-based) of the document now, or undefined when it no longer has them. */
export function currentLines(document: vscode.TextDocument, line: number, endLine: number): string[] | undefined {
  if (line < 1 || endLine > document.lineCount) return undefined;
  const lines: string[] = [];
  for (let index = line - 1; index < endLine; index++) lines.push(document.lineAt(index).text);
  return lines;
}
