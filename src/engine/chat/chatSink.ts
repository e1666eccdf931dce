import * as vscode from 'vscode';
import { notesMarkdown } from '../../core/answer/notesMarkdown';
import { type AnswerSink } from '../pipeline/answerSink';
import { markdownName } from '../../core/protect/inertName';

/** The chat's response stream as the pipeline's sink: notes as a quote, text as markdown. */
export function chatSink(stream: vscode.ChatResponseStream): AnswerSink {
  return {
    progress: (message) => stream.progress(message),
    notes: (lines) => {
      if (lines.length > 0) stream.markdown(notesMarkdown(lines));
    },
    reference: (piece, uri) => {
      if (piece.complete) stream.reference(uri);
      else stream.reference(new vscode.Location(uri, new vscode.Range(piece.startLine - 1, 0, piece.endLine - 1, 0)));
    },
    beforeSend: async () => {},
    text: (chunk) => stream.markdown(chunk),
    toolRun: (run) => {
      // VS Code renders progress as markdown, and a tool's progress names what the model or the repository chose.
      stream.progress(markdownName(run.progress));
      if (run.reference) stream.reference(run.reference);
    },
    findings: (markdown) => stream.markdown(markdown),
    flush: async () => {},
  };
}
