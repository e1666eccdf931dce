// @ts-check
// One /changes prompt-building case in a fresh process: parse the diff, then protect, fit, redact and
// render it (the pure core, built output). Prints one JSON line.
//   node --expose-gc bench/changes/child.mjs '<json case>'
// "mode": "time": warm-up, then timed builds. "mode": "memory": the peak of the resident set over its
// baseline during ONE build (sampled from a worker thread), against the size of the diff.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startRssSampler } from '../lib/rss.mjs';

/** @type {{ bundle: string, diffFile: string, budgetChars: number, mode: 'time' | 'memory', runs: number, minMs: number }} */
const spec = JSON.parse(process.argv[2] ?? '{}');
const gc = /** @type {() => void} */ (globalThis.gc);
const core = createRequire(import.meta.url)(spec.bundle);
const diff = readFileSync(spec.diffFile, 'utf8');
const exclude = ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'];

async function build(text) {
  const files = core.parseUnifiedDiff(text);
  return core.buildChangesContext({ files, exclude, redactSecrets: true, budgetChars: spec.budgetChars });
}

const describe = (context) => ({
  pieces: context.pieces.length,
  chars: context.pieces.reduce((sum, piece) => sum + piece.length, 0),
  redactions: context.redactions,
  stats: context.stats,
  cut: context.cut.length,
});

// Warm-up on a small diff (the first 10 files), so compiling is not charged to the case.
const small = diff
  .split(/(?=^diff --git )/m)
  .slice(0, 10)
  .join('');
const warmStarted = performance.now();
for (let i = 0; i < 5 || performance.now() - warmStarted < 500; i++) await build(small);

if (spec.mode === 'memory') {
  gc();
  for (let i = 0; i < 10; i++) await build(small);
  const sampler = startRssSampler();
  await sampler.ready;
  await new Promise((resolve) => setTimeout(resolve, 30));
  sampler.measure();
  const context = await build(diff);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const rss = await sampler.stop();
  process.stdout.write(
    `${JSON.stringify({ diffBytes: Buffer.byteLength(diff), rssOverBaseline: rss.peak - rss.baseline, plan: describe(context) })}\n`,
  );
} else {
  let context = await build(diff);
  for (let i = 0; i < 5; i++) context = await build(diff);
  // CPU time beside wall time: on a busy machine the wall-time tail is other processes, not this code.
  const times = [];
  const cpuTimes = [];
  const started = performance.now();
  while (times.length < spec.runs || (performance.now() - started < spec.minMs && times.length < 500)) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    context = await build(diff);
    times.push(performance.now() - t0);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ times, cpuTimes, diffBytes: Buffer.byteLength(diff), plan: describe(context) })}\n`);
}
process.exit(0);
