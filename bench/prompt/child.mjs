// @ts-check
// One prompt-building case (one file, one budget) in a fresh process, so that its memory is not
// mixed with another case's. Prints one JSON line on stdout.
//   node --expose-gc bench/prompt/child.mjs '<json case>'
// "mode": "time": the first (cold) run, warm-up until the JIT settles, then the timed runs.
// "mode": "drift": many builds in a row, each followed by a turn of the event loop as between two chat
// requests, so work a build leaves behind (observer callbacks) runs and is counted; reports the cost
// per request early and late, and the heap retained per request.
// "mode": "memory": the peak of the process's resident set over its baseline (the file already in
// memory, the code already compiled) during ONE build, sampled every ~0.2 ms from a worker thread
// (the main thread cannot sample itself while it is busy). One build, because one request is what the
// extension handles at a time; several would add up garbage no collection has reclaimed yet. Garbage
// that fits in the young generation V8 has already committed does not show: the resolution is a few
// hundred KB, which the 1 KB case shows as the floor.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateTypeScript } from '../lib/generate.mjs';
import { startProfiling } from '../lib/profile.mjs';
import { startRssSampler } from '../lib/rss.mjs';

/**
 * @typedef {{ bundle: string, file: string, label: string, languageId: string, personaFile: string,
 *   maxInputTokens: number, focus: { kind: 'selection', startLine: number, endLine: number, startColumn?: number },
 *   mode: 'time' | 'memory' | 'drift', warmup: number, runs: number, minMs: number }} Case
 */
/** @type {Case} */
const spec = JSON.parse(process.argv[2] ?? '{}');
const gc = /** @type {() => void} */ (globalThis.gc);
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const core = createRequire(import.meta.url)(spec.bundle);
const personaText = readFileSync(spec.personaFile, 'utf8');
const parsed = core.parsePersona(personaText, 'backend-architect.md', {
  kind: 'builtin',
  uri: 'file:///bench/personas/backend-architect.md',
  label: 'built-in',
});
if (!parsed.ok) throw new Error(`the built-in persona does not parse: ${JSON.stringify(parsed.problems)}`);
const persona = parsed.persona;

/** The request as the chat adapter hands it over: one attached file with a selection, /review. */
function input(text, focus, label) {
  return {
    command: 'review',
    question: 'Check validation and error handling of these handlers.',
    persona,
    context: [
      {
        kind: 'attachments',
        sources: [
          {
            key: `file:///bench/${label}`,
            uri: `file:///bench/${label}`,
            label,
            matchPath: label,
            languageId: spec.languageId,
            content: { kind: 'text', text },
            focus,
          },
        ],
      },
    ],
    history: [],
    exclude: ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'],
    redactSecrets: true,
    maxInputTokens: spec.maxInputTokens,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const text = readFileSync(spec.file, 'utf8');
const request = input(text, spec.focus, spec.label);

// Time and memory start with a JIT warm-up on a small file (the same code paths, 500 ms), so compiled
// code, including secretlint's regular expressions compiled to machine code, is not counted for this
// file. (Drift starts cold: it is about what accumulates from the first request on.)
const small = input(generateTypeScript(8192, 1), { kind: 'selection', startLine: 90, endLine: 110 }, 'src/small.ts');
/**
 * Timing warms up for 500 ms. Memory warms up for 40 builds only: every build leaves secretlint's
 * performance marks queued (see "drift"), and thousands queued would be processed, for seconds, right
 * inside the memory measurement.
 */
async function warmUpOnSmallFile(builds = Infinity) {
  const smallStarted = performance.now();
  for (let i = 0; i < Math.min(builds, 5) || (i < builds && performance.now() - smallStarted < 500); i++) await core.buildRequest(small);
}

/** @param {any} plan */
function describePlan(plan) {
  return {
    estimatedTokens: plan.estimatedTokens,
    budgetTokens: plan.budgetTokens,
    redactions: plan.redactions,
    sentLines: plan.sent.map((piece) => `${piece.startLine}-${piece.endLine}/${piece.totalLines}${piece.complete ? ' (whole)' : ''}`),
    sentChars: plan.messages.reduce((sum, message) => sum + message.text.length, 0),
    notes: plan.notes.length,
    tooLarge: plan.tooLarge !== undefined,
  };
}

if (spec.mode === 'drift') {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const windowMs = [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let window = 0; window < spec.runs / 100; window++) {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) {
      await core.buildRequest(request);
      await turn();
    }
    windowMs.push((performance.now() - t0) / 100);
  }
  await turn();
  gc();
  const retainedPerRequest = (process.memoryUsage().heapUsed - heapBefore) / spec.runs;
  process.stdout.write(
    `${JSON.stringify({ requests: spec.runs, windowMs, retainedPerRequest, marksBuffered: performance.getEntriesByType('mark').length })}\n`,
  );
} else if (spec.mode === 'memory') {
  await warmUpOnSmallFile(40);
  // A full GC shrinks V8's young generation, which grows back on the next allocations: a few more small
  // builds after it restore the steady state, so that regrowth is not charged to this file.
  gc();
  for (let i = 0; i < 20; i++) await core.buildRequest(small);
  const sampler = startRssSampler();
  await sampler.ready;
  await sleep(30);
  sampler.measure();
  const plan = await core.buildRequest(request);
  await sleep(5);
  const rss = await sampler.stop();
  process.stdout.write(
    `${JSON.stringify({ fileBytes: Buffer.byteLength(text), rssBaseline: rss.baseline, rssOverBaseline: rss.peak - rss.baseline, rssSamples: rss.samples, plan: describePlan(plan) })}\n`,
  );
} else {
  await warmUpOnSmallFile();
  // The first run of this file is timed alone (cold: first sight of this size), then warm-up runs
  // until the JIT has settled (at least spec.warmup runs and 300 ms), then the timed runs: at least
  // `runs` of them and at least `minMs` long, each timed alone.
  let t0 = performance.now();
  let plan = await core.buildRequest(request);
  const firstRunMs = performance.now() - t0;
  const warmStarted = performance.now();
  for (let i = 1; i < spec.warmup || (performance.now() - warmStarted < 300 && i < 200); i++) plan = await core.buildRequest(request);

  // With ARCHITECT_BENCH_PROFILE set, a CPU profile of the timed runs only.
  const profileFile = process.env['ARCHITECT_BENCH_PROFILE'];
  const profiler = profileFile ? await startProfiling(profileFile) : undefined;
  // Wall time is what is judged; CPU time next to it tells a slow build from a build the machine paused
  // (another process on the core), which shows on a busy machine as a long wall-time tail.
  const times = [];
  const cpuTimes = [];
  const started = performance.now();
  while (times.length < spec.runs || (performance.now() - started < spec.minMs && times.length < 2000)) {
    const cpu = process.cpuUsage();
    t0 = performance.now();
    plan = await core.buildRequest(request);
    times.push(performance.now() - t0);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  await profiler?.stop();
  process.stdout.write(
    `${JSON.stringify({ times, cpuTimes, firstRunMs, fileBytes: Buffer.byteLength(text), plan: describePlan(plan) })}\n`,
  );
}
// Exit now: what builds left queued (secretlint's performance-observer callbacks, see "drift") would
// otherwise run for seconds after the numbers are out.
process.exit(0);
