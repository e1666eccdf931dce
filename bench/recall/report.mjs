// @ts-check
// The context-recall part of the verdicts and of docs/BENCHMARKS.md.
import { ms } from '../lib/stats.mjs';

const percent = (value) => (value === null || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(0)}%`);

/** @param {any} r all results */
export function recallVerdicts(r) {
  const recall = r.recall;
  if (!recall)
    return [
      { area: 'Recall', target: 'context-recall targets', measured: `not measured: ${r.errors?.recall ?? 'skipped'}`, ok: undefined },
    ];
  return [
    {
      area: 'Recall',
      target: 'context recall ≥ 90% (key spans sent whole, warm)',
      measured: `${percent(recall.warm.recall)} (${recall.warm.sent} of ${recall.keys} key spans; ${recall.cases} cases, ${recall.crossFile} cross-file); before related code: ${percent(recall.baseline.recall)}; cold: ${percent(recall.cold.recall)}`,
      ok: recall.warm.recall >= 0.9,
    },
    {
      area: 'Recall',
      target: 'gathering related code p95 ≤ 300 ms warm',
      measured: `warm median ${ms(recall.gathering.warm.median)}, p95 ${ms(recall.gathering.warm.p95)}; cold median ${ms(recall.gathering.cold.median)}, p95 ${ms(recall.gathering.cold.p95)}`,
      ok: recall.gathering.warm.p95 <= 300,
    },
    {
      area: 'Recall',
      target: 'time to the model with related code ≤ 1.3× without',
      // "With" is the second review of each case (language server warm, the first review's gathering kept
      // or joined); the first review, right after the TypeScript server restarted, is shown beside it.
      measured:
        `median ${ms(recall.warm.received.median)} with (a second review of the same code), ${ms(recall.baseline.received.median)} without: ${recall.receivedRatio.toFixed(2)}×; ` +
        `a first review with the TypeScript server just restarted: median ${ms(recall.cold.received.median)}, ${(recall.cold.received.median / recall.baseline.received.median).toFixed(2)}×`,
      ok: recall.receivedRatio <= 1.3,
    },
  ];
}

/** @param {any} r all results */
export function recallMarkdown(r) {
  const recall = r.recall;
  if (!recall) return [];
  const modes = [
    ['before (attachment only)', recall.baseline],
    ['with related code, language server cold', recall.cold],
    ['with related code, warm', recall.warm],
  ];
  const out = ['## Context recall', ''];
  out.push(
    `${recall.cases} cases over TypeScript, JavaScript, Python and Go (bench/recall/), ${recall.crossFile} of them with the defect in another file; ` +
      `${recall.keys} key spans: the definition, type or caller a reviewer must see. A key span counts when every one of its lines reached the model. ` +
      `Per case, through the real Chat view: the TypeScript server restarts, a first review goes with related code (cold), then a second review of the same code with it (warm) and one without it (before), those two in alternating order, so that both share the host with the restarted server. ` +
      `Gathering found its pieces through the language server ${recall.via['language-server'] ?? 0} times and by text ${recall.via.text ?? 0} times.`,
  );
  out.push('');
  out.push('| | recall | key spans sent | related code sent (chars) | share of it inside key spans | median estimated tokens |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const [label, mode] of modes)
    out.push(
      `| ${label} | ${percent(mode.recall)} | ${mode.sent} / ${mode.keys} | ${mode.relatedChars} | ${percent(mode.relatedInKeyShare)} | ${mode.medianEstimatedTokens} |`,
    );
  out.push('');
  const missed = recall.warm.perCase.filter((item) => item.sent < item.keys);
  if (missed.length > 0) out.push(`Missed (warm): ${missed.map((item) => `${item.id} (${item.sent}/${item.keys})`).join(', ')}.`, '');
  return out;
}
