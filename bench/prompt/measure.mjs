// @ts-check
// Part 1: prompt building in the pure core (built output), per file size and budget, each case in
// its own child process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCore, buildStubsProfiler } from '../lib/bundle.mjs';
import { generateMinifiedJs, generateTypeScript } from '../lib/generate.mjs';
import { benchOut, root } from '../lib/paths.mjs';
import { attribute } from '../lib/profile.mjs';
import { median, summarize } from '../lib/stats.mjs';

const KB = 1024;
const MB = 1024 * 1024;

/** The attached files: realistic TypeScript at three sizes, and a minified one-line bundle. */
export const FILES = [
  { id: 'ts-1kb', title: '1 KB TypeScript', size: KB, kind: 'ts', targetP95Ms: 1 },
  { id: 'ts-100kb', title: '100 KB TypeScript', size: 100 * KB, kind: 'ts', targetP95Ms: 5 },
  { id: 'ts-5mb', title: '5 MB TypeScript', size: 5 * MB, kind: 'ts', targetP95Ms: 20 },
  { id: 'min-2mb', title: '2 MB minified JS (1 line)', size: 2 * MB, kind: 'min', targetP95Ms: undefined },
];
export const BUDGETS = [8_000, 128_000];

/** Writes the inputs once; children read them, so no generation garbage sits in their baseline. */
function writeInputs() {
  const dir = path.join(benchOut, 'files');
  mkdirSync(dir, { recursive: true });
  return FILES.map((file) => {
    const text = file.kind === 'ts' ? generateTypeScript(file.size) : generateMinifiedJs(file.size);
    const name = file.kind === 'ts' ? `${file.id}.ts` : `${file.id}.min.js`;
    const filePath = path.join(dir, name);
    writeFileSync(filePath, text);
    const allLines = text.split('\n');
    const lines = allLines.length;
    // The middle of the file, or the fake secret planted near it, so redaction works inside the window.
    const planted = allLines.findIndex((line) => line.includes('for local testing" (#1)'));
    const middle = planted === -1 ? Math.max(1, Math.floor(lines / 2)) : planted + 2;
    // A 20-line selection in the middle; on the one-line bundle, the middle column of its one line.
    const focus =
      lines > 1
        ? { kind: 'selection', startLine: Math.max(1, middle - 10), endLine: Math.min(lines, middle + 10) }
        : { kind: 'selection', startLine: 1, endLine: 1, startColumn: Math.floor(text.length / 2) };
    return { ...file, path: filePath, label: `src/${name}`, languageId: file.kind === 'ts' ? 'typescript' : 'javascript', lines, focus };
  });
}

/** Runs bench/prompt/child.mjs with one case and returns its JSON line. */
function runChild(spec, env = process.env) {
  const output = execFileSync(process.execPath, ['--expose-gc', path.join(root, 'bench', 'prompt', 'child.mjs'), JSON.stringify(spec)], {
    cwd: root,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

/**
 * @param {{ quick?: boolean, log: (line: string) => void }} options
 */
export async function measurePromptBuild({ quick = false, log }) {
  const bundle = await buildCore();
  const files = writeInputs();
  const results = [];
  for (const file of files) {
    for (const maxInputTokens of BUDGETS) {
      const spec = {
        bundle,
        file: file.path,
        label: file.label,
        languageId: file.languageId,
        personaFile: path.join(root, 'personas', 'backend-architect.md'),
        maxInputTokens,
        focus: file.focus,
        mode: 'time',
        warmup: 5,
        runs: quick ? 20 : 50,
        // Fast cases get more runs (up to 2,000) so their p95 is not one unlucky sample.
        minMs: quick ? 200 : 1000,
      };
      const timing = runChild(spec);
      // Memory: five fresh processes, one build each; the median of their peaks.
      const memory = Array.from({ length: quick ? 1 : 5 }, () => runChild({ ...spec, mode: 'memory' }));
      const stats = summarize(timing.times);
      const result = {
        file: file.id,
        title: file.title,
        fileBytes: timing.fileBytes,
        lines: file.lines,
        maxInputTokens,
        targetP95Ms: file.targetP95Ms,
        ...stats,
        firstRunMs: timing.firstRunMs,
        cpu: summarize(timing.cpuTimes),
        rssOverBaseline: median(memory.map((item) => item.rssOverBaseline)),
        rssRuns: memory.map((item) => item.rssOverBaseline),
        plan: timing.plan,
        /** @type {ReturnType<typeof attribute> | undefined} */
        profile: undefined,
        spec,
      };
      results.push(result);
      log(
        `prompt ${file.id} @${maxInputTokens / 1000}k: first ${timing.firstRunMs.toFixed(1)} ms, median ${stats.median.toFixed(3)} ms, p95 ${stats.p95.toFixed(3)} ms (CPU ${result.cpu.p95.toFixed(3)}) (n=${stats.n}), ` +
          `peak +${(result.rssOverBaseline / MB).toFixed(2)} MB RSS, ${timing.plan.redactions} redactions, sent ${timing.plan.sentLines.join(', ')}`,
      );
    }
  }
  return results;
}

/**
 * For the cases over their p95 target: a CPU profile of their timed runs on the unminified twin of the
 * core bundle (its lines name the modules), averaged over two processes.
 * @param {Awaited<ReturnType<typeof measurePromptBuild>>} results
 */
export async function profilePromptMisses(results) {
  const missed = results.filter((result) => result.targetP95Ms !== undefined && result.p95 > result.targetP95Ms);
  if (missed.length === 0) return;
  const readable = await buildCore({ readable: true });
  const file = path.join(benchOut, 'prompt.cpuprofile');
  for (const result of missed) {
    let runs = 0;
    const profiles = [0, 1].map(() => {
      runs = runChild({ ...result.spec, bundle: readable, runs: 30, minMs: 300 }, { ...process.env, ARCHITECT_BENCH_PROFILE: file }).times
        .length;
      return JSON.parse(readFileSync(file, 'utf8'));
    });
    // Both children run about as many builds; per build is what compares with the p95.
    result.profile = attribute(profiles, readable, { runsPerProfile: runs });
  }
}

/**
 * Whether a build costs the same on the 600th request as on the first: 1 KB builds back to back with a
 * turn of the event loop between them (as between chat requests), shipped bundle and, as the suggested
 * fix, the same bundle with @secretlint/profiler replaced by a no-op.
 * @param {{ quick?: boolean, log: (line: string) => void }} options
 */
export async function measureDrift({ quick = false, log }) {
  const file = FILES[0];
  if (!file) throw new Error('no input file');
  const spec = {
    bundle: path.join(benchOut, 'core.cjs'),
    file: path.join(benchOut, 'files', `${file.id}.ts`),
    label: `src/${file.id}.ts`,
    languageId: 'typescript',
    personaFile: path.join(root, 'personas', 'backend-architect.md'),
    maxInputTokens: 8_000,
    focus: { kind: 'selection', startLine: 3, endLine: 23 },
    mode: 'drift',
    warmup: 0,
    runs: quick ? 300 : 600,
    minMs: 0,
  };
  const shipped = runChild(spec);
  // The experiment only while the build still ships @secretlint/profiler.
  const withoutProfiler = buildStubsProfiler ? undefined : runChild({ ...spec, bundle: await buildCore({ withoutProfiler: true }) });
  const describe = (data) => ({
    requests: data.requests,
    firstMs: data.windowMs[0],
    lastMs: data.windowMs.at(-1),
    windowMs: data.windowMs,
    retainedBytesPerRequest: data.retainedPerRequest,
    marksBuffered: data.marksBuffered,
  });
  const result = {
    buildStubsProfiler,
    shipped: describe(shipped),
    withoutProfiler: withoutProfiler ? describe(withoutProfiler) : undefined,
  };
  log(
    `drift: requests 1-100 ${result.shipped.firstMs.toFixed(2)} ms/request, last 100 ${result.shipped.lastMs.toFixed(2)} ms/request, ` +
      `${(result.shipped.retainedBytesPerRequest / 1024).toFixed(1)} KB retained/request` +
      (result.withoutProfiler
        ? `; without @secretlint/profiler ${result.withoutProfiler.firstMs.toFixed(2)} → ${result.withoutProfiler.lastMs.toFixed(2)} ms`
        : ''),
  );
  return result;
}
