import * as vscode from 'vscode';

/**
 * Appends streamed text to a document, one edit at a time: chunks that arrive while an edit is being
 * applied are batched into the next one, so a fast model never queues thousands of edits.
 */
export class DocumentAppender {
  private pending = '';
  private running: Promise<void> | undefined;
  private broken = false;

  constructor(private readonly document: vscode.TextDocument) {}

  append(text: string): void {
    if (text === '' || this.broken) return;
    this.pending += text;
    this.running ??= this.flush();
  }

  /** Resolves once everything appended so far is in the document (or the document went away). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending !== '' && !this.broken) {
        const text = this.pending;
        this.pending = '';
        if (this.document.isClosed) {
          this.broken = true;
          break;
        }
        const edit = new vscode.WorkspaceEdit();
        const last = this.document.lineAt(this.document.lineCount - 1);
        edit.insert(this.document.uri, last.range.end, text);
        if (!(await vscode.workspace.applyEdit(edit))) this.broken = true;
      }
    } catch {
      this.broken = true;
    } finally {
      this.running = undefined;
    }
  }
}
