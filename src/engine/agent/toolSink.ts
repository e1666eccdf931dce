import type * as vscode from 'vscode';
import { type ToolFinding } from '../../core/agent/reviewToolResult';
import { type SentPiece } from '../../core/request/plan';
import { type AnswerSink } from '../pipeline/answerSink';
import { type FindingsReport } from '../pipeline/reportFindings';

/**
 * A tool result for an agent as the pipeline's sink. It keeps only the findings, as data: the model's
 * prose is never passed to an agent that can act on it (it may repeat what the reviewed code told it).
 * One sink per call, so two calls at once never share one.
 */
export class ToolSink implements AnswerSink {
  #report: FindingsReport | undefined;

  progress(): void {}

  notes(): void {}

  reference(_piece: SentPiece, _uri: vscode.Uri): void {}

  async beforeSend(): Promise<void> {}

  text(): void {}

  toolRun(): void {}

  findings(): void {}

  findingsData(report: FindingsReport): void {
    this.#report = report;
  }

  async flush(): Promise<void> {}

  /** The findings as plain data, in the chat table's numbered order; undefined when none were read. */
  collected(): { readonly findings: readonly ToolFinding[]; readonly report: FindingsReport } | undefined {
    if (!this.#report) return undefined;
    const findings = this.#report.shown.map((finding) => ({
      severity: finding.severity,
      file: finding.piece.label,
      line: finding.line,
      endLine: finding.endLine,
      rule: finding.rule,
      title: finding.title,
      fix: finding.fix,
    }));
    return { findings, report: this.#report };
  }
}
