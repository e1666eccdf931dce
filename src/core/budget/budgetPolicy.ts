/**
 * The token budget of one request, in one place. The rules:
 *
 * 1. The prompt may use INPUT_SHARE of the model's input limit, less FRAMING_RESERVE_TOKENS: the rest
 *    is kept back for the chat format's framing and for estimate error.
 * 2. Tokens are estimated without a tokenizer at DEFAULT_CHARS_PER_TOKEN (code is denser than prose),
 *    plus MESSAGE_OVERHEAD_TOKENS per message.
 * 3. At most one exact count per request, and only when the estimate passes COUNT_ABOVE_SHARE of the
 *    budget. The plan is rebuilt with the calibrated ratio when the count shows the estimate was too
 *    bold (over the budget), or too timid (code was cut, yet the count is under TIMID_SHARE of the
 *    estimate). A calibration keeps CALIBRATION_MARGIN to spare and is never believed beyond
 *    MAX_CHARS_PER_TOKEN, so a provider that answers "1 token" cannot make us send a megabyte.
 * 4. Persona and task are never cut; history is cut first, newest turns kept; attached code is
 *    windowed last. When placeholders and markers make the code longer than its raw size, the code
 *    budget shrinks by the measured ratio with SHRINK_MARGIN to spare, at most WINDOW_ATTEMPTS times.
 * 5. During the tool loop, tools are offered only while the conversation is under TOOLS_BELOW_SHARE of
 *    the budget, and each tool result is cut to what is left, less TOOL_RESULT_RESERVE_TOKENS kept for
 *    the answer's framing; the last round offers no tools.
 */
export const INPUT_SHARE = 0.9;
export const FRAMING_RESERVE_TOKENS = 64;
export const DEFAULT_CHARS_PER_TOKEN = 3.5;
export const MESSAGE_OVERHEAD_TOKENS = 8;
export const COUNT_ABOVE_SHARE = 0.6;
export const TIMID_SHARE = 0.8;
export const CALIBRATION_MARGIN = 0.95;
export const MAX_CHARS_PER_TOKEN = 6;
/** Fewer characters per token, down to a token per byte, only makes us send less: barely bounded. */
export const MIN_CHARS_PER_TOKEN = 0.25;
export const SHRINK_MARGIN = 0.95;
export const WINDOW_ATTEMPTS = 4;
export const TOOLS_BELOW_SHARE = 0.85;
export const TOOL_RESULT_RESERVE_TOKENS = 200;

export function estimateTokens(text: string, charsPerToken = DEFAULT_CHARS_PER_TOKEN): number {
  return Math.ceil(text.length / charsPerToken);
}

export function estimateMessagesTokens(texts: readonly string[], charsPerToken = DEFAULT_CHARS_PER_TOKEN): number {
  return texts.reduce((sum, text) => sum + estimateTokens(text, charsPerToken) + MESSAGE_OVERHEAD_TOKENS, 0);
}

/** Rule 1. */
export function inputBudget(maxInputTokens: number): number {
  return Math.max(0, Math.floor(maxInputTokens * INPUT_SHARE) - FRAMING_RESERVE_TOKENS);
}

/** Rule 3: the estimate is close enough to the limit that one exact count is worth its round trip. */
export function worthCounting(estimatedTokens: number, budgetTokens: number): boolean {
  return estimatedTokens > budgetTokens * COUNT_ABOVE_SHARE;
}

export interface CountedPlan {
  readonly promptText: string;
  readonly budgetTokens: number;
  readonly trimmedAnything: boolean;
}

/** Rule 3: the characters per token to rebuild the plan with, or undefined when the plan stands. */
export function recalibration(plan: CountedPlan, countedTokens: number): number | undefined {
  const tooBold = countedTokens > plan.budgetTokens;
  const tooTimid = plan.trimmedAnything && countedTokens < estimateTokens(plan.promptText) * TIMID_SHARE;
  if (!tooBold && !tooTimid) return undefined;
  return calibratedCharsPerToken(plan.promptText.length, countedTokens, DEFAULT_CHARS_PER_TOKEN);
}

/** Rule 3: characters per token learned from one exact count. */
export function calibratedCharsPerToken(textLength: number, countedTokens: number, current: number): number {
  if (countedTokens <= 0 || textLength <= 0) return current;
  return Math.min(MAX_CHARS_PER_TOKEN, Math.max(MIN_CHARS_PER_TOKEN, (textLength / countedTokens) * CALIBRATION_MARGIN));
}

/** Rule 4: the next code budget when the rendered code came out larger than planned. */
export function shrunkCodeBudget(plannedChars: number, allowedCodeTokens: number, renderedCodeTokens: number): number {
  return Math.floor(plannedChars * (allowedCodeTokens / Math.max(renderedCodeTokens, 1)) * SHRINK_MARGIN);
}

/** Rule 5: what the tool loop has spent of the budget, and what it may still spend. */
export class TokenLedger {
  readonly #budgetTokens: number;
  #used: number;

  constructor(budgetTokens: number, estimatedPromptTokens: number) {
    this.#budgetTokens = budgetTokens;
    this.#used = estimatedPromptTokens;
  }

  mayOfferTools(): boolean {
    return this.#used < this.#budgetTokens * TOOLS_BELOW_SHARE;
  }

  /** Room for one tool result, in characters. */
  roomForResultChars(): number {
    return Math.floor(Math.max(0, this.#budgetTokens - this.#used - TOOL_RESULT_RESERVE_TOKENS) * DEFAULT_CHARS_PER_TOKEN);
  }

  spend(text: string): void {
    this.#used += estimateTokens(text) + MESSAGE_OVERHEAD_TOKENS;
  }
}
