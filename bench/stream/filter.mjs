// @ts-check
// Part 4a: the cost of forwarding one streamed chunk through the core's AnswerStreamFilter (built
// output, in plain Node). A pass pushes 2,000 chunks of 3–20 characters of a real-looking answer,
// with a code block and the findings block the filter holds back; ns/chunk = pass time / chunks.
import { createRequire } from 'node:module';
import { answerChunks } from '../lib/generate.mjs';
import { summarize } from '../lib/stats.mjs';

/** @param {{ bundle: string, quick?: boolean }} options */
export function measureStreamFilter({ bundle, quick = false }) {
  const { AnswerStreamFilter } = createRequire(import.meta.url)(bundle);
  const chunks = answerChunks(2000);
  const pass = () => {
    const filter = new AnswerStreamFilter();
    let forwarded = 0;
    for (const chunk of chunks) forwarded += filter.push(chunk).length;
    const end = filter.end();
    return { forwarded: forwarded + end.rest.length, findings: end.findingsBlock };
  };
  // Sanity: the findings block must be held back and handed over at the end.
  const check = pass();
  if (check.findings === undefined) throw new Error('the findings block did not reach AnswerStreamFilter.end()');
  for (let i = 0; i < 50; i++) pass();
  const perChunkNs = [];
  for (let i = 0; i < (quick ? 100 : 400); i++) {
    const t0 = process.hrtime.bigint();
    pass();
    perChunkNs.push(Number(process.hrtime.bigint() - t0) / chunks.length);
  }
  const text = chunks.join('');
  return { chunks: chunks.length, chars: text.length, forwardedChars: check.forwarded, ...summarize(perChunkNs) };
}
