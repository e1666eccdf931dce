/**
 * Token estimates without a tokenizer. Code is denser than prose, so the estimate counts fewer
 * characters per token than the usual four; one `countTokens` call per request corrects it when the
 * prompt comes close to the limit.
 */
export const DEFAULT_CHARS_PER_TOKEN = 3.5;

/** Each message costs a few tokens of framing in every chat format. */
export const MESSAGE_OVERHEAD_TOKENS = 8;

export function estimateTokens(text: string, charsPerToken = DEFAULT_CHARS_PER_TOKEN): number {
  return Math.ceil(text.length / charsPerToken);
}

export function estimateMessagesTokens(texts: readonly string[], charsPerToken = DEFAULT_CHARS_PER_TOKEN): number {
  return texts.reduce((sum, text) => sum + estimateTokens(text, charsPerToken) + MESSAGE_OVERHEAD_TOKENS, 0);
}

/** What the prompt may use of a model's input: a tenth kept back for framing and estimate error. */
export function inputBudget(maxInputTokens: number): number {
  return Math.max(0, Math.floor(maxInputTokens * 0.9) - 64);
}

/** The estimate is close enough to the limit that one exact count is worth its round trip. */
export function worthCounting(estimatedTokens: number, budgetTokens: number): boolean {
  return estimatedTokens > budgetTokens * 0.6;
}

/**
 * No real tokenizer packs more than this many characters in a token. A count that says otherwise is not
 * believed: a provider that answers "1 token" must not make us send a megabyte. (Fewer characters per
 * token, down to a token per byte, only makes us send less, so that side is barely bounded.)
 */
const MAX_CHARS_PER_TOKEN = 6;
const MIN_CHARS_PER_TOKEN = 0.25;

/** Characters per token learned from one exact count, with 5% to spare. */
export function calibratedCharsPerToken(textLength: number, countedTokens: number, current: number): number {
  if (countedTokens <= 0 || textLength <= 0) return current;
  return Math.min(MAX_CHARS_PER_TOKEN, Math.max(MIN_CHARS_PER_TOKEN, (textLength / countedTokens) * 0.95));
}
