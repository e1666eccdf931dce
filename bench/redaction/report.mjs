// @ts-check
// The redaction rows of docs/BENCHMARKS.md: the verdicts and a short section.
const percent = (value) => `${(value * 100).toFixed(1)}%`;

/** @param {any} r the results of the run */
export function redactionVerdicts(r) {
  const x = r.redaction;
  if (!x)
    return [
      {
        area: 'Redaction',
        target: 'precision and recall on real code',
        measured: `not measured: ${r.errors?.redaction ?? 'skipped'}`,
        ok: undefined,
      },
    ];
  return [
    {
      area: 'Redaction',
      target: `precision ≥ ${percent(x.targetPrecision)} on real code (redactions that hid a secret)`,
      measured: `${percent(x.precision)}: ${x.totals.hits} of ${x.totals.redactions} redactions in ${x.totals.files} files; ${x.cleanAltered} of ${x.cleanFiles} files without a secret altered`,
      ok: x.precision >= x.targetPrecision,
    },
    {
      area: 'Redaction',
      target: 'recall on the same corpus (no target; the secret tests hold 100%)',
      measured: `${percent(x.recall)}: ${x.totals.found} of ${x.totals.secrets} annotated secrets hidden whole`,
      ok: undefined,
      info: true,
    },
  ];
}

/** @param {any} r the results of the run @returns {string[]} */
export function redactionSection(r) {
  const x = r.redaction;
  if (!x) return [];
  const repository = (file) => file.split('/')[0];
  return [
    '## Redaction on real code: precision and recall',
    '',
    "`findSecrets` (the one entry point of redaction, built with the extension's plugins) over the corpus in `test/fixtures/redaction-corpus/`: " +
      'files copied from public, permissively licensed API projects (two API templates, a Spring Boot sample, a Go API), each with the path an attachment would pass. ' +
      '`annotations.json` lists every credential written as a literal, sample and test passwords included. Precision: redactions that cover part of an annotated value, over all redactions. ' +
      'Recall: annotated values covered whole.',
    '',
    '| File | Lines | Redactions | Hid a secret | Secrets | Hidden | Lines altered |',
    '|---|---|---|---|---|---|---|',
    ...x.files.map(
      (item) =>
        `| ${repository(item.file)} \`${item.file.slice(repository(item.file).length + 1)}\` | ${item.lines} | ${item.redactions} | ${item.hits} | ${item.secrets} | ${item.found} | ${item.linesAltered} |`,
    ),
    `| **all ${x.totals.files} files** | | ${x.totals.redactions} | ${x.totals.hits} | ${x.totals.secrets} | ${x.totals.found} | |`,
    '',
    `Precision ${percent(x.precision)} (target ≥ ${percent(x.targetPrecision)}), recall ${percent(x.recall)}.`,
    '',
  ];
}
