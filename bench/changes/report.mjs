// @ts-check
// The /changes rows of docs/BENCHMARKS.md: the verdicts and a short section.
import { bytes, ms } from '../lib/stats.mjs';

/** @param {any} r the results of the run */
export function changesVerdicts(r) {
  const cases = r.changes?.cases;
  if (!cases)
    return [
      {
        area: 'Prompt build (/changes)',
        target: 'p95 and memory targets',
        measured: `not measured: ${r.errors?.changes ?? 'skipped'}`,
        ok: undefined,
      },
    ];
  const first = cases[0];
  const label = `${first.files}-file diff, ${first.changedLines.toLocaleString('en-US')} changed lines`;
  return [
    {
      area: 'Prompt build (/changes)',
      target: `p95 ≤ ${first.targetP95Ms} ms for a ${label}`,
      measured: cases.map((item) => `${ms(item.p95)} (CPU ${ms(item.cpu.p95)}) @${Math.round(item.budgetChars / 1000)}k chars`).join(', '),
      ok: cases.every((item) => item.p95 <= item.targetP95Ms),
    },
    {
      area: 'Prompt build (/changes)',
      target: `memory peak ≤ ${first.memoryFactor}× the diff`,
      measured: cases
        .map(
          (item) =>
            `+${bytes(item.rssOverBaseline)} for ${bytes(item.diffBytes)} (${(item.rssOverBaseline / item.diffBytes).toFixed(2)}×) @${Math.round(item.budgetChars / 1000)}k chars`,
        )
        .join(', '),
      ok: cases.every((item) => item.rssOverBaseline <= item.memoryFactor * item.diffBytes),
    },
  ];
}

/** @param {any} r the results of the run @returns {string[]} */
export function changesSection(r) {
  const cases = r.changes?.cases;
  if (!cases) return [];
  return [
    '## /changes: prompt building from a diff (pure core, built output)',
    '',
    'A generated `git diff` of 200 TypeScript files, two hunks each (3 context lines around removed and added lines), 5,000 changed lines in all, ' +
      'a fake secret in every 20th file. Timed: `parseUnifiedDiff` and `buildChangesContext` (exclusions, whole-hunk fitting, ' +
      'redaction of both sides of the fitted hunks in batches of whole files, rendering), each case in its own process after a warm-up on a small diff. Memory: peak resident set over the baseline during one build, median of 5 processes.',
    '',
    '| Budget (chars) | Files sent | Redactions | median | p95 | CPU p95 | n | memory peak | × diff |',
    '|---|---|---|---|---|---|---|---|---|',
    ...cases.map(
      (item) =>
        `| ${item.budgetChars.toLocaleString('en-US')} | ${item.plan.pieces} | ${item.plan.redactions} | ${ms(item.median)} | ${ms(item.p95)} | ${ms(item.cpu.p95)} | ${item.n} | +${bytes(item.rssOverBaseline)} | ${(item.rssOverBaseline / item.diffBytes).toFixed(2)}× |`,
    ),
    '',
  ];
}
