import * as vscode from 'vscode';
import { type ParsedFindings, type Severity } from '../../core/findings/parseFindings';
import { type SentPiece } from '../../core/request/plan';
import { registerSafeCommand } from '../commands/safeCommand';
import { type UriTable } from '../context/uriTable';
import { t } from '../l10n';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Error,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
  info: vscode.DiagnosticSeverity.Hint,
};

/**
 * Review findings in the Problems panel, source `Architect`. A new review of a file replaces that
 * file's findings; a review whose answer had no usable findings block leaves them as they were.
 */
export class FindingsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('architect-findings');

  /**
   * Replaces the findings of every attached file (with none, when the review found nothing there); a
   * file the model only read through a tool gets findings when it has some, and is otherwise left alone.
   */
  apply(parsed: ParsedFindings, sent: readonly SentPiece[], resources: UriTable): number {
    if (!parsed.blockFound) return 0;
    let count = 0;
    const uris = new Map<string, boolean>();
    for (const piece of sent) if (piece.uri !== undefined) uris.set(piece.uri, (uris.get(piece.uri) ?? false) || !piece.viaTool);
    for (const [uriText, attached] of uris) {
      const findings = parsed.findings.filter((finding) => finding.piece.uri === uriText);
      const uri = resources.get(uriText);
      if (!uri || (!attached && findings.length === 0)) continue;
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uriText);
      const diagnostics = findings.map((finding) => {
        const last = finding.endLine - 1;
        const end = document && last < document.lineCount ? document.lineAt(last).range.end : new vscode.Position(last, 10_000);
        const message = [finding.title, finding.detail, finding.fix ? `Fix: ${finding.fix}` : undefined].filter(Boolean).join('\n');
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(finding.line - 1, 0, end.line, end.character),
          message,
          SEVERITY[finding.severity],
        );
        diagnostic.source = 'Architect';
        if (finding.rule) diagnostic.code = finding.rule;
        return diagnostic;
      });
      this.collection.set(uri, diagnostics);
      count += diagnostics.length;
    }
    return count;
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

export function registerFindings(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): FindingsDiagnostics {
  const findings = new FindingsDiagnostics();
  context.subscriptions.push(findings);
  registerSafeCommand(context, log, 'architect.clearFindings', t('Clear Findings'), () => findings.clear());
  return findings;
}
