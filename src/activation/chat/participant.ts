import * as vscode from 'vscode';
import { type Engine } from '../../engine/engine';
import { describeFailure } from '../commands/safeCommand';
import { fromEngine, usingEngine } from '../engineLink/loadEngine';
import { t } from '../../common/l10n';

export const PARTICIPANT_ID = 'architect.chat';

/** `@architect`: registered at activation; each request is answered by the engine (src/engine/engine.ts). */
export function registerParticipant(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, engine: () => Engine): void {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, chatContext, stream, token) =>
    fromEngine(() => engine().answerChat(request, chatContext, stream, token)).catch((error: unknown): vscode.ChatResult => {
      // A bug of ours, not a model error: say so plainly, keep the details in the log.
      const reason = describeFailure(error, 'chat', log);
      return { errorDetails: { message: t('Architect could not answer: {0}. See the Architect log for details.', reason) } };
    }),
  );
  participant.iconPath = new vscode.ThemeIcon('server-process');
  // Both follow an answer, so the engine that gave it is loaded (after a reload, a vote on an old
  // answer loads it).
  participant.followupProvider = {
    provideFollowups: (result) => usingEngine(log, 'follow-ups', [], () => engine().followupsFor(result)),
  };
  context.subscriptions.push(
    participant,
    participant.onDidReceiveFeedback((feedback) => {
      if (feedback.kind !== vscode.ChatResultFeedbackKind.Unhelpful) return;
      const line = usingEngine(log, 'feedback', undefined, () => engine().unhelpfulFeedbackLine(feedback.result));
      if (line !== undefined) log.info(line);
    }),
  );
}
