import type * as vscode from 'vscode';
import { calibratedCharsPerToken, DEFAULT_CHARS_PER_TOKEN, estimateTokens, worthCounting } from '../../core/budget/tokens';
import { buildRequest, type RequestInput, type RequestPlan } from '../../core/request/buildRequest';
import { t } from '../l10n';
import { countTokensOnce } from './languageModel';

export interface PreparedRequest {
  readonly plan: RequestPlan;
  /** The exact count, when one was taken. */
  readonly countedTokens?: number;
  /** 0 or 1: at most one `countTokens` call per request. */
  readonly countCalls: number;
}

/**
 * Builds the request within the model's input limit. The estimate decides alone unless it comes close
 * to the limit; then one exact count calibrates it, and the plan is rebuilt once if the count shows the
 * estimate was too bold (or, when code was cut, too timid).
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
  const text = plan.messages.map((message) => message.text).join('\n');
  const counted = await countTokensOnce(model, text, token);
  if (counted === undefined) return { plan, countCalls: 1 };
  const tooBold = counted > plan.budgetTokens;
  const tooTimid = plan.trimmed.length > 0 && counted < estimateTokens(text, DEFAULT_CHARS_PER_TOKEN) * 0.8;
  if (!tooBold && !tooTimid) return { plan, countedTokens: counted, countCalls: 1 };
  const charsPerToken = calibratedCharsPerToken(text.length, counted, DEFAULT_CHARS_PER_TOKEN);
  return { plan: await buildRequest({ ...base, charsPerToken }), countedTokens: counted, countCalls: 1 };
}
