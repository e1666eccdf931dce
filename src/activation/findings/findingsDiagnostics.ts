import * as vscode from 'vscode';
import { type Finding, type ParsedFindings, type Severity } from '../../core/findings/parseFindings';
import { fingerprintLines } from '../../core/findings/fingerprint';
import { isShown, linesOf, type LineRange, type ShownLines } from '../../core/findings/shownLines';
import { trackLines, type LineEdit } from '../../core/findings/trackLines';
import { registerSafeCommand } from '../commands/safeCommand';
import { type UriTable } from '../../engine/context/uriTable';
import { t } from '../../common/l10n';
import { currentLines, type LineSnapshot } from '../../common/findings/findingLines';

const SEVERITY: Record<Severity, keyof typeof vscode.DiagnosticSeverity> = {
  critical: 'Error',
  high: 'Error',
  medium: 'Warning',
  low: 'Information',
  info: 'Hint',
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
 * Review findings in the Problems panel, source `Architect`. A new review replaces the findings on the
 * lines it was shown; findings elsewhere in the file stay, and a review whose answer had no usable
 * findings block leaves them all as they were. A finding whose lines no longer read as at review time
 * (its fingerprint) is stale: it goes as soon as an edit reaches its lines, a fix applied or a hand edit.
 */
export class FindingsDiagnostics implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection('architect-findings');
  readonly #records = new Map<string, FindingRecord[]>();
  readonly #listener = vscode.workspace.onDidChangeTextDocument((event) => this.#follow(event));

  /**
   * Places the new findings and removes the earlier ones that lie wholly on lines the model was shown
   * (`shown`, by resource key). `snapshots` are the findings' lines, read at review time.
   */
  apply(parsed: ParsedFindings, shown: ShownLines, resources: UriTable, snapshots: ReadonlyMap<Finding, LineSnapshot>): number {
    if (!parsed.blockFound) return 0;
    let count = 0;
    const keys = new Set([...shown.keys(), ...parsed.findings.flatMap((finding) => finding.piece.uri ?? [])]);
    for (const key of keys) {
      const uri = resources.get(key);
      if (!uri) continue;
      const fresh = parsed.findings
        .filter((finding) => finding.piece.uri === key)
        .map((finding) => ({ uri, finding, diagnostic: diagnosticFor(finding, key), snapshot: snapshots.get(finding) }));
      const kept = (this.#records.get(uri.toString()) ?? []).filter((record) => !isShown(shown, key, linesOf(record.finding)));
      this.#setRecords(uri, [...kept, ...fresh]);
      count += fresh.length;
    }
    return count;
  }

  /** The record behind one of our diagnostics (code actions get copies: matched by place and text). */
  recordFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): FindingRecord | undefined {
    const records = this.#records.get(uri.toString()) ?? [];
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
    return [...this.#records.values()].flat();
  }

  remove(record: FindingRecord): void {
    const key = record.uri.toString();
    this.#setRecords(
      record.uri,
      (this.#records.get(key) ?? []).filter((other) => other !== record),
    );
  }

  clear(): void {
    this.#collection.clear();
    this.#records.clear();
  }

  dispose(): void {
    this.#listener.dispose();
    this.#collection.dispose();
  }

  /** Moves findings with the lines edited above them; drops those whose own lines no longer read as reviewed. */
  #follow(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const records = this.#records.get(key);
    if (records === undefined || event.contentChanges.length === 0) return;
    const edits = event.contentChanges.map(lineEdit);
    const next = records.flatMap((record) => {
      const range = followEdits(record, edits, event.document);
      if (range === undefined) return [];
      if (range.startLine === record.finding.line && range.endLine === record.finding.endLine) return [record];
      const finding = { ...record.finding, line: range.startLine, endLine: range.endLine };
      return [{ ...record, finding, diagnostic: diagnosticFor(finding, key) }];
    });
    if (next.length !== records.length || next.some((record, index) => record !== records[index])) {
      this.#setRecords(event.document.uri, next);
    }
  }

  #setRecords(uri: vscode.Uri, records: FindingRecord[]): void {
    if (records.length === 0) this.#records.delete(uri.toString());
    else this.#records.set(uri.toString(), records);
    this.#collection.set(
      uri,
      records.map((record) => record.diagnostic),
    );
  }
}

/** Where a finding's lines are after the edits, or undefined when they no longer read as at review time. */
function followEdits(record: FindingRecord, edits: readonly LineEdit[], document: vscode.TextDocument): LineRange | undefined {
  let candidates: readonly LineRange[] = [linesOf(record.finding)];
  let touched = false;
  for (const edit of edits) {
    candidates = candidates.flatMap((range) => {
      const tracked = trackLines(range, edit);
      if (tracked.kind !== 'touched') return [tracked.range];
      touched = true;
      return tracked.candidates;
    });
  }
  if (!touched) return candidates[0];
  const fingerprint = record.snapshot?.fingerprint;
  return candidates.find((range) => {
    const lines = currentLines(document, range.startLine, range.endLine);
    return fingerprint !== undefined && lines !== undefined && fingerprintLines(lines) === fingerprint;
  });
}

function lineEdit(change: vscode.TextDocumentContentChangeEvent): LineEdit {
  const { start, end } = change.range;
  return {
    startLine: start.line,
    startCharacter: start.character,
    endLine: end.line,
    endCharacter: end.character,
    insertedText: change.text,
  };
}

function diagnosticFor(finding: Finding, uriText: string): vscode.Diagnostic {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uriText);
  const last = finding.endLine - 1;
  const end = document && last < document.lineCount ? document.lineAt(last).range.end : new vscode.Position(last, 10_000);
  // Said in the hover and the Problems panel, so a person knows which findings have a fix to apply.
  const fixable = finding.replacement === undefined ? undefined : t('Fix available: Apply Architect fix (Ctrl+.)');
  const message = [finding.title, finding.detail, finding.fix ? `Fix: ${finding.fix}` : undefined, fixable].filter(Boolean).join('\n');
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(finding.line - 1, 0, end.line, end.character),
    message,
    vscode.DiagnosticSeverity[SEVERITY[finding.severity]],
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
