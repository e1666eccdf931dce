import * as vscode from 'vscode';
import { type SentPiece } from '../../core/request/plan';
import { t } from '../../common/l10n';
import { type AnswerSink } from '../pipeline/answerSink';
import { documentAppender, type DocumentAppender } from './documentAppender';
import { notificationText } from '../../core/protect/inertName';

/**
 * An untitled markdown editor as the pipeline's sink: the design doc appears live while it streams,
 * progress goes to the notification, and what was left out, cut or redacted is said in a warning, as
 * the chat says it at the top of an answer.
 */
export class DocumentSink implements AnswerSink {
  private appender: DocumentAppender | undefined;
  private written = 0;
  document: vscode.TextDocument | undefined;

  constructor(
    private readonly report: vscode.Progress<{ message?: string }>,
    private readonly modelLabel: string,
  ) {}

  progress(message: string): void {
    this.report.report({ message });
  }

  notes(lines: readonly string[]): void {
    // Notes name files from the repository: in a notification no name may become a link.
    if (lines.length > 0) void vscode.window.showWarningMessage(notificationText(`Architect: ${lines.join(' ')}`));
  }

  reference(_piece: SentPiece, _uri: vscode.Uri): void {}

  async beforeSend(): Promise<void> {
    this.document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await showIfPossible(this.document);
    this.appender = documentAppender(this.document);
    this.report.report({ message: t('asking {0}…', this.modelLabel) });
  }

  text(chunk: string): void {
    if (this.written++ === 0) this.report.report({ message: t('writing…') });
    this.appender?.append(chunk);
  }

  toolRun(): void {}

  findings(): void {}

  async flush(): Promise<void> {
    await this.appender?.drain();
  }
}

/**
 * Shows the new document. When another run opens its own editor at the same moment, VS Code can give up
 * on this one ("Could NOT open editor"): it is tried once more, and then the document is written and
 * saved without being shown rather than the run failing.
 */
async function showIfPossible(document: vscode.TextDocument): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await vscode.window.showTextDocument(document, { preview: false });
      return;
    } catch {
      // Tried again below; the document exists either way.
    }
  }
}
