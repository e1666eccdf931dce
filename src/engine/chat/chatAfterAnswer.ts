import type * as vscode from 'vscode';
import { intentForSlash, INTENTS } from '../../core/intents/intentTable';
import { formatUnhelpfulFeedback } from '../../core/log/requestLog';
import { isResultMetadata } from '../../core/result/resultMetadata';
import { t } from '../../common/l10n';

/** The follow-ups the command table offers after an answer that went well; none after a failure. */
export function followupsFor(result: vscode.ChatResult): vscode.ChatFollowup[] {
  if (result.errorDetails || !isResultMetadata(result.metadata) || result.metadata.outcome !== 'ok') return [];
  const spec = intentForSlash(result.metadata.command ?? undefined);
  return spec.followups.map((next) => ({
    prompt: next.prompt,
    label: next.label(t),
    command: INTENTS[next.command].slash ?? undefined,
  }));
}

/** The log line for a thumbs-down: what the request was, never what it said. */
export function unhelpfulFeedbackLine(result: vscode.ChatResult): string | undefined {
  return isResultMetadata(result.metadata) ? formatUnhelpfulFeedback(result.metadata) : undefined;
}
