// @ts-check
// The /changes case: a 200-file diff with 5,000 changed lines, turned into prompt pieces by the pure
// core (parse, exclusions, whole-hunk fitting, redaction of both sides, rendering), at a small and a
// large budget. Each case runs in its own child process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCore } from '../lib/bundle.mjs';
import { generateDiff } from '../lib/generate.mjs';
import { benchOut, root } from '../lib/paths.mjs';
import { median, summarize } from '../lib/stats.mjs';

export const CHANGES_CASE = { files: 200, changedLines: 5000, targetP95Ms: 50, memoryFactor: 3 };
/** Characters for the changes: what an 8k-token and a 128k-token model leave for them. */
const BUDGETS = [24_000, 400_000];

function runChild(spec) {
  const output = execFileSync(process.execPath, ['--expose-gc', path.join(root, 'bench', 'changes', 'child.mjs'), JSON.stringify(spec)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

/** @param {{ quick?: boolean, log: (line: string) => void }} options */
export async function measureChanges({ quick = false, log }) {
  const bundle = await buildCore();
  const dir = path.join(benchOut, 'files');
  mkdirSync(dir, { recursive: true });
  const diffFile = path.join(dir, 'changes-200-files.diff');
  writeFileSync(diffFile, generateDiff(CHANGES_CASE.files, CHANGES_CASE.changedLines));
  const results = [];
  for (const budgetChars of BUDGETS) {
    const spec = { bundle, diffFile, budgetChars, runs: quick ? 20 : 50, minMs: quick ? 300 : 1500 };
    const timing = runChild({ ...spec, mode: 'time' });
    const memory = Array.from({ length: quick ? 1 : 5 }, () => runChild({ ...spec, mode: 'memory' }));
    const stats = summarize(timing.times);
    const rssOverBaseline = median(memory.map((item) => item.rssOverBaseline));
    const cpu = summarize(timing.cpuTimes);
    const result = { budgetChars, diffBytes: timing.diffBytes, ...stats, cpu, rssOverBaseline, plan: timing.plan, ...CHANGES_CASE };
    results.push(result);
    log(
      `changes ${CHANGES_CASE.files} files / ${CHANGES_CASE.changedLines} lines @${budgetChars / 1000}k chars: median ${stats.median.toFixed(2)} ms, ` +
        `p95 ${stats.p95.toFixed(2)} ms (CPU ${cpu.p95.toFixed(2)}) (n=${stats.n}), peak +${(rssOverBaseline / 1024 / 1024).toFixed(2)} MB RSS for a ` +
        `${(timing.diffBytes / 1024).toFixed(0)} KB diff, sent ${timing.plan.pieces} files, ${timing.plan.redactions} redactions`,
    );
  }
  return results;
}
