// @ts-check
// Context recall: does Architect send the code a reviewer must see to judge a selection? 31 cases over
// TypeScript, JavaScript, Python and Go (bench/recall/cases.json, workspace bench/recall/workspace/),
// most of them with the defect in another file: the definition, type or caller where it lives. Each case
// names its selection and its answer key by the text of their first and last lines, so the numbers below
// follow the files. The extension-host side is bench/recall/index.ts.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runSuite } from '../../test/runtime/launch.mjs';
import { ensureRuntime } from '../../test/runtime/runtime.mjs';
import { buildFakeLm } from '../e2e/measure.mjs';
import { snapshotDir } from '../lib/architect.mjs';
import { benchOut, root } from '../lib/paths.mjs';
import { median, summarize } from '../lib/stats.mjs';

const recallDir = path.join(root, 'bench', 'recall');

/** A line matches a marker by containing it, or by starting with it when the marker starts with "^". */
function lineMatches(line, marker) {
  return marker.startsWith('^') ? line.startsWith(marker.slice(1)) : line.includes(marker);
}

/** 1-based first and last line of the span from the first line matching `from` to the next matching `to`. */
export function spanOf(text, from, to) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => lineMatches(line, from));
  if (start < 0) throw new Error(`no line matches ${from}`);
  let end = start;
  while (end < lines.length && !lineMatches(/** @type {string} */ (lines[end]), to)) end++;
  if (end >= lines.length) throw new Error(`no line after ${from} matches ${to}`);
  return [start + 1, end + 1];
}

/** The cases with their selections and keys resolved to line spans. */
export function loadCases() {
  const raw = JSON.parse(readFileSync(path.join(recallDir, 'cases.json'), 'utf8'));
  const read = (file) => readFileSync(path.join(recallDir, 'workspace', file), 'utf8');
  return raw.map((item) => ({
    id: item.id,
    file: item.file,
    selection: spanOf(read(item.file), item.select[0], item.select[1]),
    keys: item.keys.map((key) => ({ path: key.path, kind: key.kind, span: spanOf(read(key.path), key.from, key.to) })),
  }));
}

/**
 * What the model was shown, by path: the numbered lines of every message whose first line (its title,
 * "Attached file: <path>" or "Related code (…): <path>") names the path; the lines after it may name
 * other files ("used at …"). A line of code is sent as "<number> | <text>" inside a fence.
 * @param {readonly string[]} messages
 * @param {readonly string[]} paths
 */
export function shownLines(messages, paths) {
  /** @type {Map<string, Set<number>>} */
  const shown = new Map();
  const byLength = [...new Set(paths)].sort((a, b) => b.length - a.length);
  for (const message of messages) {
    const fenceAt = message.search(/^`{3,}/m);
    if (fenceAt < 0) continue;
    const title = message.slice(0, message.indexOf('\n'));
    const named = byLength.find((candidate) => title.endsWith(candidate));
    if (named === undefined) continue;
    const lines = shown.get(named) ?? new Set();
    for (const match of message.slice(fenceAt).matchAll(/^ *(\d+) \| /gm)) lines.add(Number(match[1]));
    shown.set(named, lines);
  }
  return shown;
}

function keySent(shown, key) {
  const lines = shown.get(key.path);
  if (!lines) return false;
  for (let line = key.span[0]; line <= key.span[1]; line++) if (!lines.has(line)) return false;
  return true;
}

/** Characters of lines start..end of a workspace file (the newline counted), for token estimates. */
function charsOf(file, start, end) {
  const lines = readFileSync(path.join(recallDir, 'workspace', file), 'utf8').split('\n');
  return lines.slice(start - 1, end).reduce((sum, line) => sum + line.length + 1, 0);
}

/** Of the related code sent (metadata.related), the characters that fall inside a key span of the case. */
function relatedInKeys(item, related) {
  let total = 0;
  let inside = 0;
  for (const piece of related) {
    total += charsOf(piece.path, piece.startLine, piece.endLine);
    for (const key of item.keys.filter((candidate) => candidate.path === piece.path)) {
      const from = Math.max(key.span[0], piece.startLine);
      const to = Math.min(key.span[1], piece.endLine);
      if (from <= to) inside += charsOf(piece.path, from, to);
    }
  }
  return { total, inside };
}

/** Recall and cost of one mode's samples. */
function scoreMode(cases, samples, mode) {
  let keys = 0;
  let sent = 0;
  let relatedChars = 0;
  let relatedInside = 0;
  const perCase = [];
  for (const item of cases) {
    const sample = samples.find((candidate) => candidate.id === item.id && candidate.mode === mode);
    const paths = [item.file, ...item.keys.map((key) => key.path)];
    const shown = shownLines(sample?.messages ?? [], paths);
    const hits = item.keys.filter((key) => keySent(shown, key)).length;
    keys += item.keys.length;
    sent += hits;
    const related = Array.isArray(sample?.metadata?.related) ? sample.metadata.related : [];
    const cost = relatedInKeys(item, related);
    relatedChars += cost.total;
    relatedInside += cost.inside;
    perCase.push({ id: item.id, keys: item.keys.length, sent: hits, related: related.length, error: sample?.error });
  }
  const tokens = samples.filter((sample) => sample.mode === mode).map((sample) => Number(sample.metadata?.estimatedTokens ?? NaN));
  const received = samples
    .filter((sample) => sample.mode === mode && typeof sample.receivedMs === 'number')
    .map((sample) => sample.receivedMs);
  return {
    keys,
    sent,
    recall: keys === 0 ? 0 : sent / keys,
    relatedChars,
    relatedInKeyShare: relatedChars === 0 ? null : relatedInside / relatedChars,
    medianEstimatedTokens: median(tokens.filter(Number.isFinite)),
    received: summarize(received),
    perCase,
  };
}

/** @param {{ quick?: boolean, log: (line: string) => void }} options */
export async function measureRecall({ quick = false, log }) {
  if (!existsSync(path.join(snapshotDir, 'dist', 'extension.js'))) throw new Error('build Architect first (bench/lib/architect.mjs)');
  const runtime = ensureRuntime();
  const cases = loadCases();
  const workspace = path.join(benchOut, 'recall-ws');
  rmSync(workspace, { recursive: true, force: true });
  cpSync(path.join(recallDir, 'workspace'), workspace, { recursive: true });
  const suite = path.join(snapshotDir, 'bench-recall', 'index.js');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(recallDir, 'index.ts')],
    outfile: suite,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const fakeLm = await buildFakeLm();
  const work = path.join(benchOut, 'recall-work');
  mkdirSync(benchOut, { recursive: true });
  const inputPath = path.join(benchOut, 'recall-input.json');
  writeFileSync(
    inputPath,
    JSON.stringify({ workspace, cases: cases.map(({ id, file, selection }) => ({ id, file, selection })), gatherRuns: quick ? 2 : 5 }),
  );
  log(`recall: ${cases.length} cases in the real VS Code`);
  const outcome = await runSuite({
    name: 'recall',
    runtime,
    workDir: work,
    extensionDevelopmentPath: snapshotDir,
    extensionTestsPath: suite,
    workspace: { folder: workspace },
    settings: {},
    installedExtensions: [fakeLm],
    env: { BENCH_RECALL_INPUT: inputPath },
    print: () => undefined,
  });
  const resultPath = path.join(work, 'bench-recall.json');
  if (!existsSync(resultPath)) throw new Error(`the recall suite wrote no results (${outcome.reason ?? `exit ${outcome.exitCode}`})`);
  const { samples, gathering } = JSON.parse(readFileSync(resultPath, 'utf8'));
  return scoreRecall(cases, samples, gathering);
}

/** The report of one run: recall per mode, the share of related code inside the keys, gathering times. */
export function scoreRecall(cases, samples, gathering) {
  const crossFile = cases.filter((item) => item.keys.some((key) => key.path !== item.file)).length;
  const timesOf = (temperature) => gathering.filter((entry) => entry.temperature === temperature).map((entry) => entry.ms);
  const baseline = scoreMode(cases, samples, 'baseline');
  const warm = scoreMode(cases, samples, 'warm');
  const cold = scoreMode(cases, samples, 'cold');
  return {
    cases: cases.length,
    crossFile,
    keys: baseline.keys,
    baseline,
    cold,
    warm,
    gathering: { cold: summarize(timesOf('cold')), warm: summarize(timesOf('warm')) },
    via: Object.fromEntries(['language-server', 'text', 'none'].map((via) => [via, gathering.filter((entry) => entry.via === via).length])),
    receivedRatio: warm.received.median / baseline.received.median,
  };
}
