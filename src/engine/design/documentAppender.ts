import * as vscode from 'vscode';

export interface DocumentAppender {
  append(text: string): void;
  /** Resolves once everything appended so far is in the document (or the document went away). */
  drain(): Promise<void>;
}

/**
 * Appends streamed text to a document, one edit at a time: chunks that arrive while an edit is being
 * applied are batched into the next one, so a fast model never queues thousands of edits.
 */
export function documentAppender(document: vscode.TextDocument): DocumentAppender {
  let pending = '';
  let running: Promise<void> | undefined;
  let broken = false;

  const flush = async (): Promise<void> => {
    try {
      while (pending !== '' && !broken) {
        const text = pending;
        pending = '';
        if (document.isClosed) {
          broken = true;
          break;
        }
        const edit = new vscode.WorkspaceEdit();
        const last = document.lineAt(document.lineCount - 1);
        edit.insert(document.uri, last.range.end, text);
        if (!(await vscode.workspace.applyEdit(edit))) broken = true;
      }
    } catch {
      broken = true;
    } finally {
      running = undefined;
    }
  };

  return {
    append: (text) => {
      if (text === '' || broken) return;
      pending += text;
      running ??= flush();
    },
    drain: async () => {
      while (running) await running;
    },
  };
}
