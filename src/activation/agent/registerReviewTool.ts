import * as vscode from 'vscode';
import { reviewInvocationMessage } from '../../core/agent/reviewSubject';
import { type Engine } from '../../engine/engine';
import { describeFailure } from '../commands/safeCommand';
import { fromEngine } from '../engineLink/loadEngine';
import { t } from '../../common/l10n';

export const REVIEW_TOOL = 'architect_review';

/**
 * `architect_review`, for Copilot's agent or a person (`#architectReview`). Registered at activation
 * like the workspace tools; the review itself runs in the engine. It only reads, so it asks for no
 * confirmation (docs/decisions, "architect-review-tool"). An engine that cannot load is a result too.
 */
export function registerReviewTool(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, engine: () => Engine): void {
  context.subscriptions.push(
    vscode.lm.registerTool<unknown>(REVIEW_TOOL, {
      async invoke(options, token) {
        const text = await fromEngine(() =>
          engine().architectReview({
            input: options.input,
            token,
            ...(options.tokenizationOptions ? { tokenization: options.tokenizationOptions } : {}),
          }),
        ).catch((error: unknown) => t('Architect could not review: {0}', describeFailure(error, REVIEW_TOOL, log)));
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      },
      prepareInvocation(options) {
        return { invocationMessage: reviewInvocationMessage(options.input, t) };
      },
    }),
  );
}
