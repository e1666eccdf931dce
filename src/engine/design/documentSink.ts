import * as vscode from 'vscode';
import { t } from '../../common/l10n';
import { type AnswerSink } from '../pipeline/answerSink';
import { documentAppender, type DocumentAppender } from './documentAppender';
import { notificationText } from '../../core/protect/inertName';

/**
 * An untitled markdown editor as the pipeline's sink: the design doc appears live while it streams,
 * progress goes to the notification, and what was left out, cut or redacted is said in a warning, as
 * the chat says it at the top of an answer.
 */
export function documentSink(
  report: vscode.Progress<{ message?: string }>,
  modelLabel: string,
): AnswerSink & { readonly document: vscode.TextDocument | undefined } {
  let document: vscode.TextDocument | undefined;
  let appender: DocumentAppender | undefined;
  let written = 0;
  return {
    /** The editor the answer is written into, once the model is asked. */
    get document() {
      return document;
    },
    progress: (message) => report.report({ message }),
    notes: (lines) => {
      // Notes name files from the repository: in a notification no name may become a link.
      if (lines.length > 0) void vscode.window.showWarningMessage(notificationText(`Architect: ${lines.join(' ')}`));
    },
    reference: () => {},
    beforeSend: async () => {
      document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await showIfPossible(document);
      appender = documentAppender(document);
      report.report({ message: t('asking {0}…', modelLabel) });
    },
    text: (chunk) => {
      if (written++ === 0) report.report({ message: t('writing…') });
      appender?.append(chunk);
    },
    toolRun: () => {},
    findings: () => {},
    flush: async () => {
      await appender?.drain();
    },
  };
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
