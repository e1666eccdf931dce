import * as vscode from 'vscode';
import { type Finding, type ParsedFindings, type Severity } from '../../core/findings/parseFindings';
import { type SentPiece } from '../../core/request/plan';
import { registerSafeCommand } from '../commands/safeCommand';
import { type UriTable } from '../context/uriTable';
import { t } from '../l10n';
import { type LineSnapshot } from './findingLines';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Error,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
  info: vscode.DiagnosticSeverity.Hint,
};

/** A finding shown in the Problems panel, with its lines as they read at review time. */
export interface FindingRecord {
  readonly uri: vscode.Uri;
  readonly finding: Finding;
  readonly diagnostic: vscode.Diagnostic;
  /** The lines at review time; undefined when the file could not be read. */
  readonly snapshot: LineSnapshot | undefined;
}

/**
 * Review findings in the Problems panel, source `Architect`. A new review of a file replaces that
 * file's findings; a review whose answer had no usable findings block leaves them as they were.
 */
export class FindingsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('architect-findings');
  private readonly records = new Map<string, FindingRecord[]>();

  /**
   * Replaces the findings of every attached file (with none, when the review found nothing there); a
   * file the model only read through a tool gets findings when it has some, and is otherwise left alone.
   * `snapshots` are the findings' lines, read at review time.
   */
  apply(parsed: ParsedFindings, sent: readonly SentPiece[], resources: UriTable, snapshots: ReadonlyMap<Finding, LineSnapshot>): number {
    if (!parsed.blockFound) return 0;
    let count = 0;
    const uris = new Map<string, boolean>();
    for (const piece of sent) if (piece.uri !== undefined) uris.set(piece.uri, (uris.get(piece.uri) ?? false) || !piece.viaTool);
    for (const [uriText, attached] of uris) {
      const findings = parsed.findings.filter((finding) => finding.piece.uri === uriText);
      const uri = resources.get(uriText);
      if (!uri || (!attached && findings.length === 0)) continue;
      const records = findings.map((finding) => ({
        uri,
        finding,
        diagnostic: diagnosticFor(finding, uriText),
        snapshot: snapshots.get(finding),
      }));
      this.setRecords(uri, records);
      count += records.length;
    }
    return count;
  }

  /** The record behind one of our diagnostics (code actions get copies: matched by place and text). */
  recordFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): FindingRecord | undefined {
    const records = this.records.get(uri.toString()) ?? [];
    return (
      records.find((record) => record.diagnostic === diagnostic) ??
      records.find(
        (record) =>
          record.diagnostic.range.isEqual(diagnostic.range) &&
          record.diagnostic.message === diagnostic.message &&
          diagnostic.source === 'Architect',
      )
    );
  }

  /** Every current finding, file by file. */
  all(): FindingRecord[] {
    return [...this.records.values()].flat();
  }

  remove(record: FindingRecord): void {
    const key = record.uri.toString();
    this.setRecords(
      record.uri,
      (this.records.get(key) ?? []).filter((other) => other !== record),
    );
  }

  clear(): void {
    this.collection.clear();
    this.records.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }

  private setRecords(uri: vscode.Uri, records: FindingRecord[]): void {
    if (records.length === 0) this.records.delete(uri.toString());
    else this.records.set(uri.toString(), records);
    this.collection.set(
      uri,
      records.map((record) => record.diagnostic),
    );
  }
}

function diagnosticFor(finding: Finding, uriText: string): vscode.Diagnostic {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uriText);
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
}

export function registerFindings(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): FindingsDiagnostics {
  const findings = new FindingsDiagnostics();
  context.subscriptions.push(findings);
  registerSafeCommand(context, log, 'architect.clearFindings', t('Clear Findings'), () => findings.clear());
  return findings;
}
