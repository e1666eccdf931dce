// @ts-check
// Precision and recall of secret redaction on a corpus of real files (test/fixtures/redaction-corpus):
// public API code and config, each file annotated with the credentials it holds (annotations.json).
// A redaction hid a secret when it covers part of an annotated value at its place; a secret was found
// when redactions cover the whole of it. Runs the same entry point the extension calls, with each
// file's path, as an attachment passes it.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundlePlugins } from '../../scripts/build.mjs';
import { benchOut, root } from '../lib/paths.mjs';

export const REDACTION_CASE = { targetPrecision: 0.95, targetRecall: 1 };
export const corpusDir = path.join(root, 'test', 'fixtures', 'redaction-corpus');

/** @typedef {{ line: number, column: number, value: string, kind: string }} Secret */
/** @typedef {{ start: number, end: number, kind: string }} Range */

/** The annotations, with each secret's offset in its file. */
export function readCorpus() {
  /** @type {{ files: Record<string, { secrets: Secret[] }> }} */
  const annotations = JSON.parse(readFileSync(path.join(corpusDir, 'annotations.json'), 'utf8'));
  return Object.entries(annotations.files).map(([file, { secrets }]) => {
    const text = readFileSync(path.join(corpusDir, file), 'utf8');
    const lineStarts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    const placed = secrets.map((secret) => {
      const start = (lineStarts[secret.line - 1] ?? 0) + secret.column - 1;
      if (text.slice(start, start + secret.value.length) !== secret.value)
        throw new Error(`${file}:${secret.line}: the annotation does not match the file`);
      return { ...secret, start, end: start + secret.value.length };
    });
    return { file, text, secrets: placed, lineStarts };
  });
}

/**
 * Scores one file's redactions against its annotated secrets.
 * @param {{ text: string, secrets: Array<Secret & { start: number, end: number }>, lineStarts: number[] }} file
 * @param {readonly Range[]} found
 */
export function scoreFile(file, found) {
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  const hits = found.filter((range) => file.secrets.some((secret) => overlaps(range, secret))).length;
  const covered = file.secrets.filter((secret) => {
    let at = secret.start;
    for (const range of [...found].sort((a, b) => a.start - b.start)) if (range.start <= at && range.end > at) at = range.end;
    return at >= secret.end;
  }).length;
  const lineOf = (offset) => {
    let low = 0;
    let high = file.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((file.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const linesAltered = new Set(found.map((range) => lineOf(range.start))).size;
  return { redactions: found.length, hits, secrets: file.secrets.length, found: covered, linesAltered, lines: file.lineStarts.length };
}

async function loadRedaction() {
  const outfile = path.join(benchOut, 'redaction.cjs');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'bench', 'redaction', 'entry.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    plugins: bundlePlugins,
  });
  return createRequire(import.meta.url)(outfile);
}

/** @param {{ log: (line: string) => void }} options */
export async function measureRedaction({ log }) {
  const { findSecrets } = await loadRedaction();
  const files = [];
  for (const file of readCorpus()) {
    const found = await findSecrets(file.text, { path: file.file });
    files.push({ file: file.file, ...scoreFile(file, found) });
  }
  const sum = (key) => files.reduce((total, item) => total + item[key], 0);
  const totals = { files: files.length, redactions: sum('redactions'), hits: sum('hits'), secrets: sum('secrets'), found: sum('found') };
  const precision = totals.redactions === 0 ? 1 : totals.hits / totals.redactions;
  const recall = totals.secrets === 0 ? 1 : totals.found / totals.secrets;
  const clean = files.filter((item) => item.secrets === 0);
  const cleanAltered = clean.filter((item) => item.redactions > 0).length;
  log(
    `redaction: ${totals.redactions} redactions in ${totals.files} files, precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}% ` +
      `(${totals.found} of ${totals.secrets} annotated secrets); ${cleanAltered} of ${clean.length} files without a secret altered`,
  );
  return { ...REDACTION_CASE, files, totals, precision, recall, cleanFiles: clean.length, cleanAltered };
}
