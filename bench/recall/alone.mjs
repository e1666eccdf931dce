// @ts-check
// The context-recall part of `npm run bench` on its own, for work on related code: builds Architect,
// runs the cases in the real VS Code and prints recall, gathering times and the keys each case missed.
// Writes out/bench/recall.json; docs/BENCHMARKS.md is left alone (only a full `npm run bench` writes it).
//   BENCH_QUICK=1   fewer gathering runs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildArchitect } from '../lib/architect.mjs';
import { benchOut } from '../lib/paths.mjs';
import { measureRecall } from './measure.mjs';

const log = (line) => console.log(`[recall] ${line}`);
await buildArchitect();
const result = await measureRecall({ quick: process.env['BENCH_QUICK'] === '1', log });
writeFileSync(path.join(benchOut, 'recall.json'), JSON.stringify(result, null, 2));
const percent = (share) => `${Math.round(share * 100)}%`;
for (const mode of ['baseline', 'cold', 'warm']) {
  const scored = result[mode];
  log(`${mode}: recall ${percent(scored.recall)} (${scored.sent}/${scored.keys}), received median ${scored.received.median} ms`);
}
log(
  `gathering warm p50 ${result.gathering.warm.median} ms, p95 ${result.gathering.warm.p95} ms; cold p50 ${result.gathering.cold.median} ms, p95 ${result.gathering.cold.p95} ms`,
);
log(`via ${JSON.stringify(result.via)}; time to the model with related / without: ${result.receivedRatio.toFixed(2)}x`);
for (const item of result.warm.perCase.filter((entry) => entry.sent < entry.keys)) {
  log(`warm miss: ${item.id} (${item.sent}/${item.keys} keys, ${item.related} related pieces)${item.error ? ` error ${item.error}` : ''}`);
}
