import { groupDigits } from '../i18n';

export interface RequestMetrics {
  readonly id: number;
  readonly command: string;
  readonly persona: string;
  readonly model: string;
  /** Milliseconds since the request arrived. */
  readonly contextBuiltMs: number;
  readonly requestSentMs?: number;
  readonly firstChunkMs?: number;
  readonly doneMs: number;
  readonly estimatedTokens: number;
  readonly countedTokens?: number;
  readonly maxInputTokens: number;
  readonly trimmed: readonly string[];
  readonly skipped: number;
  readonly redactions: number;
  readonly chunks: number;
  readonly findings?: number;
  readonly outcome: string;
  /** Why no model was asked, as a short code (`nothing-changed`, `repository-not-opened`, …). */
  readonly reason?: string;
}

/**
 * One info-level line per request: timings, tokens and what was trimmed. It names files and line
 * ranges but never holds prompt text or file content (RELIABILITY R12).
 */
export function formatRequestLog(metrics: RequestMetrics): string {
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value)}ms`);
  const tokens = `~${groupDigits(metrics.estimatedTokens)}${metrics.countedTokens === undefined ? '' : ` (counted ${groupDigits(metrics.countedTokens)})`} of ${groupDigits(metrics.maxInputTokens)}`;
  return [
    `request #${metrics.id} ${metrics.command} persona=${metrics.persona} model=${metrics.model} outcome=${metrics.outcome}${metrics.reason === undefined ? '' : ` reason=${metrics.reason}`}`,
    `timings: context ${ms(metrics.contextBuiltMs)}, sent ${ms(metrics.requestSentMs)}, first chunk ${ms(metrics.firstChunkMs)}, done ${ms(metrics.doneMs)}`,
    `tokens ${tokens}, chunks ${metrics.chunks}, redacted ${metrics.redactions}, skipped ${metrics.skipped}` +
      (metrics.findings === undefined ? '' : `, findings ${metrics.findings}`),
    `trimmed: ${metrics.trimmed.length === 0 ? 'nothing' : metrics.trimmed.join('; ')}`,
  ].join(' | ');
}

/**
 * The log line for a thumbs-down on an answer: which command and how many findings it placed, so a
 * maintainer can see where answers disappoint. Never the question, the answer or the reason typed.
 */
export function formatUnhelpfulFeedback(metadata: { readonly command: string | null; readonly findings: number }): string {
  return `feedback: unhelpful answer to ${metadata.command === null ? 'chat' : `/${metadata.command}`}, findings ${metadata.findings}`;
}
