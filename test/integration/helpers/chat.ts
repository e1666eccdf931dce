import * as vscode from 'vscode';
import { FAKE_MODEL } from './fake';

export interface ChatOutcome {
  readonly errorDetails?: { readonly message: string };
  readonly metadata?: Record<string, unknown>;
}

type Attachment =
  vscode.Uri | { uri: vscode.Uri; range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } };

/** The chat's modes: VS Code 1.139 opens the chat in Agent mode, which is what a person gets. */
export type ChatMode = 'ask' | 'agent';

export interface AskOptions {
  readonly attach?: Attachment[];
  readonly continueSession?: boolean;
  readonly model?: { vendor: string; id: string } | null;
  /** Default 'ask', which keeps a run deterministic; 'agent' is the mode a person's chat opens in. */
  readonly mode?: ChatMode;
}

/**
 * Sends a query through the real Chat view, in ask mode (unless `mode` says otherwise) with the fake
 * model selected, in a new chat session unless `continueSession` is set, and returns the participant's
 * ChatResult.
 */
export async function ask(query: string, options: AskOptions = {}): Promise<ChatOutcome> {
  if (!options.continueSession) await vscode.commands.executeCommand('workbench.action.chat.newChat');
  const result = await vscode.commands.executeCommand<ChatOutcome | undefined>('workbench.action.chat.open', {
    query,
    isPartialQuery: false,
    mode: options.mode ?? 'ask',
    ...(options.model === null ? {} : { modelSelector: options.model ?? FAKE_MODEL }),
    ...(options.attach ? { attachFiles: options.attach } : {}),
    blockOnResponse: true,
  });
  return result ?? {};
}

/** `ask` in Agent mode, the chat's default mode in VS Code 1.139. */
export function askInAgentMode(query: string, options: Omit<AskOptions, 'mode'> = {}): Promise<ChatOutcome> {
  return ask(query, { ...options, mode: 'agent' });
}

/** A range for attachFiles: 1-based lines, whole lines. */
export function lines(uri: vscode.Uri, startLine: number, endLine: number): Attachment {
  return { uri, range: { startLineNumber: startLine, startColumn: 1, endLineNumber: endLine, endColumn: 1000 } };
}
