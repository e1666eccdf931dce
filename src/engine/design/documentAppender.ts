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
      // Started on the next microtask, so that `running` holds it before it can end: a flush that ends
      // at once (the document already closed) would otherwise clear `running` before being stored in it,
      // and drain() would then await a settled promise forever without giving the event loop a turn.
      running ??= Promise.resolve().then(flush);
    },
    drain: async () => {
      while (running) await running;
    },
  };
}
