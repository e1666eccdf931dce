import * as vscode from 'vscode';
import { notesMarkdown } from '../../core/answer/notesMarkdown';
import { type SentPiece } from '../../core/request/plan';
import { type AnswerSink } from '../pipeline/answerSink';
import { type ToolRun } from '../tools/workspaceTools';
import { markdownName } from '../../core/protect/inertName';

/** The chat's response stream as the pipeline's sink: notes as a quote, text as markdown. */
export class ChatSink implements AnswerSink {
  constructor(private readonly stream: vscode.ChatResponseStream) {}

  progress(message: string): void {
    this.stream.progress(message);
  }

  notes(lines: readonly string[]): void {
    if (lines.length > 0) this.stream.markdown(notesMarkdown(lines));
  }

  reference(piece: SentPiece, uri: vscode.Uri): void {
    if (piece.complete) this.stream.reference(uri);
    else this.stream.reference(new vscode.Location(uri, new vscode.Range(piece.startLine - 1, 0, piece.endLine - 1, 0)));
  }

  async beforeSend(): Promise<void> {}

  text(chunk: string): void {
    this.stream.markdown(chunk);
  }

  toolRun(run: ToolRun): void {
    // VS Code renders progress as markdown, and a tool's progress names what the model or the repository chose.
    this.stream.progress(markdownName(run.progress));
    if (run.reference) this.stream.reference(run.reference);
  }

  findings(markdown: string): void {
    this.stream.markdown(markdown);
  }

  async flush(): Promise<void> {}
}
