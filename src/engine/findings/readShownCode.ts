import * as vscode from 'vscode';
import { type Finding } from '../../core/findings/parseFindings';
import { type FileLines } from '../../core/findings/shownCode';
import { type UriTable } from '../context/uriTable';

/**
 * The lines of each file whose findings quote evidence, read from the document as it is now (unsaved
 * edits included; a file that is not open is loaded through VS Code, so remote and virtual workspaces
 * work). Grounding looks only at the lines the model was shown. A file that cannot be read is absent:
 * its evidence cannot be checked.
 */
export async function readShownCode(findings: readonly Finding[], resources: UriTable): Promise<Map<string, FileLines>> {
  const files = new Map<string, FileLines>();
  const wanted = new Map<string, string>();
  for (const finding of findings)
    if (finding.evidence !== undefined && finding.piece.uri !== undefined) wanted.set(finding.piece.key, finding.piece.uri);
  await Promise.all(
    [...wanted].map(async ([key, uriText]) => {
      const uri = resources.get(uriText);
      if (uri === undefined) return;
      const document = await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
      if (document === undefined) return;
      files.set(key, {
        lineCount: document.lineCount,
        lineAt: (line) => (line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text : undefined),
      });
    }),
  );
  return files;
}
