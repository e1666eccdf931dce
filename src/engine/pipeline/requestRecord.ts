import { formatRequestLog } from '../../core/log/requestLog';
import { definedOnly } from '../../core/result/definedOnly';
import { type PreparedRequest } from './prepareRequest';

let requestCounter = 0;

/**
 * The timings and counts of one request, for its one info line in the Architect log: when the context
 * was built, when the request went out, the first chunk, the end. Names files and counts, never text.
 */
export class RequestRecord {
  readonly id = ++requestCounter;
  readonly #started = performance.now();
  #contextBuiltMs = 0;
  #requestSentMs: number | undefined;
  #firstChunkMs: number | undefined;
  #chunkCount = 0;

  /** Made when the request arrives, so that every timing counts from there. */
  readonly #what: { readonly command: string; readonly model: string; readonly maxInputTokens: number };

  constructor(what: { readonly command: string; readonly model: string; readonly maxInputTokens: number }) {
    this.#what = what;
  }

  get chunks(): number {
    return this.#chunkCount;
  }

  contextBuilt(): void {
    this.#contextBuiltMs = this.#elapsed();
  }

  requestSent(): void {
    this.#requestSentMs ??= this.#elapsed();
  }

  chunk(): void {
    if (this.#chunkCount++ === 0) this.#firstChunkMs = this.#elapsed();
  }

  line(prepared: PreparedRequest, persona: string, outcome: string, findings?: number, reason?: string): string {
    const plan = prepared.plan;
    return formatRequestLog(
      definedOnly({
        id: this.id,
        ...this.#what,
        persona,
        contextBuiltMs: this.#contextBuiltMs,
        requestSentMs: this.#requestSentMs,
        firstChunkMs: this.#firstChunkMs,
        doneMs: this.#elapsed(),
        estimatedTokens: plan.estimatedTokens,
        countedTokens: prepared.countedTokens,
        trimmed: plan.trimmed,
        skipped: plan.skipped.length,
        redactions: plan.redactions,
        chunks: this.#chunkCount,
        findings,
        outcome,
        reason,
      }),
    );
  }

  #elapsed(): number {
    return performance.now() - this.#started;
  }
}
