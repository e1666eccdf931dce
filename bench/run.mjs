// @ts-check
// npm run bench: measures Architect against its performance targets and writes docs/BENCHMARKS.md.
//   1. prompt building in the pure core (time per file size and budget, memory, cost over many requests)
//   2. module cost (bundle size and biggest inputs; require + activate vs an empty extension)
//   3. end to end in a real VS Code (@architect vs an @echo floor, same attachment, same fake model)
//   4. streaming (AnswerStreamFilter per chunk; 2,000-chunk replies end to end)
//   5. the .vsix
//   6. redaction: precision and recall on a corpus of real API code
// A benchmark, not a test: it reports misses, it does not fail on them. Parts that cannot run are
// reported as not measured and the rest goes on.
//   BENCH_QUICK=1          fewer runs, for working on the benchmark itself
//   BENCH_SKIP=e2e,vsix    leave parts out (prompt, changes, drift, stream, module, e2e, recall, vsix, redaction)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_VERSION, runtimeDir } from '../test/runtime/runtime.mjs';
import { measureChanges } from './changes/measure.mjs';
import { measureEndToEnd } from './e2e/measure.mjs';
import { buildArchitect } from './lib/architect.mjs';
import { coreBundle } from './lib/bundle.mjs';
import { benchOut, root } from './lib/paths.mjs';
import { measureModule } from './module/measure.mjs';
import { measureRedaction } from './redaction/measure.mjs';
import { measureRecall } from './recall/measure.mjs';
import { measureDrift, measurePromptBuild, profilePromptMisses } from './prompt/measure.mjs';
import { consoleSummary, markdown, verdicts } from './report.mjs';
import { measureStreamFilter } from './stream/filter.mjs';
import { measureVsix } from './vsix/measure.mjs';

const quick = process.env['BENCH_QUICK'] === '1';
const skip = new Set((process.env['BENCH_SKIP'] ?? '').split(',').filter(Boolean));
const startedAt = Date.now();
const log = (line) => console.log(`[bench +${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${line}`);
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)));

function vscodeVersion() {
  const manifest = path.join(
    runtimeDir,
    `code-server-${CODE_SERVER_VERSION}`,
    'node_modules',
    'code-server',
    'lib',
    'vscode',
    'package.json',
  );
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** @type {Record<string, any>} */
const results = {
  startedAt,
  quick,
  machine: {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memory: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    vscode: vscodeVersion(),
    codeServer: CODE_SERVER_VERSION,
    loadStart: load(),
    loadEnd: load(),
  },
  errors: {},
};

/** Runs one part; a failure is recorded and reported, and the next part still runs. */
async function part(name, run) {
  if (skip.has(name)) {
    results.errors[name] = 'skipped (BENCH_SKIP)';
    return undefined;
  }
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors[name] = message.split('\n')[0];
    log(`${name} failed: ${message}`);
    return undefined;
  }
}

mkdirSync(benchOut, { recursive: true });
log(`${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}${quick ? ' (quick)' : ''}`);

results.prompt = await part('prompt', async () => {
  const cases = await measurePromptBuild({ quick, log });
  await profilePromptMisses(cases);
  return { cases: cases.map((item) => ({ ...item, spec: undefined })) };
});
results.changes = await part('changes', async () => ({ cases: await measureChanges({ quick, log }) }));
results.drift = await part('drift', () => measureDrift({ quick, log }));
results.stream = await part('stream', () => {
  if (!existsSync(coreBundle)) throw new Error('the core bundle was not built (the prompt part did not run)');
  const stream = measureStreamFilter({ bundle: coreBundle, quick });
  log(`stream: AnswerStreamFilter.push ${Math.round(stream.median)} ns/chunk (median), ${Math.round(stream.p95)} ns p95`);
  return stream;
});
results.module = await part('module', () => measureModule({ quick, log }));
results.e2e = await part('e2e', async () => {
  // The module part builds Architect; when it was skipped, build it here.
  if (!results.module) await buildArchitect();
  return measureEndToEnd({ quick, log });
});
results.redaction = await part('redaction', () => measureRedaction({ log }));
results.recall = await part('recall', async () => {
  if (!results.module && !results.e2e) await buildArchitect();
  return measureRecall({ quick, log });
});
results.vsix = await part('vsix', () => measureVsix({ log, bundleBytes: results.module?.rawBytes }));

results.machine.loadEnd = load();
results.finishedAt = Date.now();
const rows = verdicts(results);
results.verdicts = rows;
writeFileSync(path.join(benchOut, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(path.join(root, 'docs', 'BENCHMARKS.md'), `${markdown(results, rows)}\n`);
console.log(consoleSummary(results, rows));
