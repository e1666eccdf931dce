import * as vscode from 'vscode';
import { FAKE_MODEL } from './fake';

export interface ChatOutcome {
  readonly errorDetails?: { readonly message: string };
  readonly metadata?: Record<string, unknown>;
}

type Attachment =
  vscode.Uri | { uri: vscode.Uri; range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } };

/**
 * Sends a query through the real Chat view, in ask mode with the fake model selected, in a new chat
 * session unless `continueSession` is set, and returns the participant's ChatResult.
 */
export async function ask(
  query: string,
  options: { attach?: Attachment[]; continueSession?: boolean; model?: { vendor: string; id: string } | null } = {},
): Promise<ChatOutcome> {
  if (!options.continueSession) await vscode.commands.executeCommand('workbench.action.chat.newChat');
  const result = await vscode.commands.executeCommand<ChatOutcome | undefined>('workbench.action.chat.open', {
    query,
    isPartialQuery: false,
    mode: 'ask',
    ...(options.model === null ? {} : { modelSelector: options.model ?? FAKE_MODEL }),
    ...(options.attach ? { attachFiles: options.attach } : {}),
    blockOnResponse: true,
  });
  return result ?? {};
}

/** A range for attachFiles: 1-based lines, whole lines. */
export function lines(uri: vscode.Uri, startLine: number, endLine: number): Attachment {
  return { uri, range: { startLineNumber: startLine, startColumn: 1, endLineNumber: endLine, endColumn: 1000 } };
}
