import type * as vscode from 'vscode';
import { recalibration, worthCounting } from '../../core/budget/budgetPolicy';
import { buildRequest } from '../../core/request/buildRequest';
import { type RequestInput, type RequestPlan } from '../../core/request/plan';
import { t } from '../../common/l10n';
import { countTokensOnce } from '../model/languageModel';

export interface PreparedRequest {
  readonly plan: RequestPlan;
  /** The exact count, when one was taken. */
  readonly countedTokens?: number;
  /** 0 or 1: at most one `countTokens` call per request. */
  readonly countCalls: number;
}

/**
 * The budget phase: the core builds the plan on an estimate; when the estimate comes close to the
 * limit, this edge takes the one exact count the policy allows, and the core decides whether to build
 * again with what the count taught (see src/core/budget/budgetPolicy.ts, rule 3).
 */
export async function prepareRequest(
  input: Omit<RequestInput, 'maxInputTokens' | 't' | 'charsPerToken'>,
  model: vscode.LanguageModelChat,
  token: vscode.CancellationToken,
): Promise<PreparedRequest> {
  const base = { ...input, maxInputTokens: model.maxInputTokens, t };
  const plan = await buildRequest(base);
  if (plan.answerWithoutModel !== undefined || plan.tooLarge !== undefined || !worthCounting(plan.estimatedTokens, plan.budgetTokens)) {
    return { plan, countCalls: 0 };
  }
  const promptText = plan.messages.map((message) => message.text).join('\n');
  const counted = await countTokensOnce(model, promptText, token);
  if (counted === undefined) return { plan, countCalls: 1 };
  const charsPerToken = recalibration({ promptText, budgetTokens: plan.budgetTokens, trimmedAnything: plan.trimmed.length > 0 }, counted);
  if (charsPerToken === undefined) return { plan, countedTokens: counted, countCalls: 1 };
  return { plan: await buildRequest({ ...base, charsPerToken }), countedTokens: counted, countCalls: 1 };
}
