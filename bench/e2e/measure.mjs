// @ts-check
// Parts 3 and 4b: end to end in the real VS Code (code-server's extension host, the web workbench in
// headless Chromium). Architect is the development extension; the fake model and the echo floor are
// installed extensions; the built-in Git extension runs, for /changes. The extension-host side is
// bench/e2e/index.ts.
import * as esbuild from 'esbuild';
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runSuite } from '../../test/runtime/launch.mjs';
import { ensureRuntime } from '../../test/runtime/runtime.mjs';
import { GIT_SETTINGS, gitRepository } from '../../test/runtime/workspaces.mjs';
import { snapshotBundle, snapshotDir, snapshotEngine } from '../lib/architect.mjs';
import { answerChunks, generateTypeScript } from '../lib/generate.mjs';
import { benchOut, root } from '../lib/paths.mjs';
import { attributeBySourceMap } from '../lib/profile.mjs';
import { median, summarize } from '../lib/stats.mjs';

const e2eOut = path.join(benchOut, 'e2e');
const fixtures = path.join(root, 'test', 'fixtures');

/** The fake-lm fixture, built into out/bench (its own folder in test/ is left as it is). */
export async function buildFakeLm() {
  const dir = path.join(benchOut, 'ext', 'fake-lm');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(fixtures, 'fake-lm', 'package.json'), path.join(dir, 'package.json'));
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(fixtures, 'fake-lm', 'src', 'extension.ts')],
    outfile: path.join(dir, 'dist', 'extension.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return installedExtension(dir);
}

function echoParticipant() {
  return installedExtension(path.join(fixtures, 'echo-participant'));
}

/** An extension folder as the runner's `installedExtensions` entry, from its manifest. */
function installedExtension(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version, path: dir };
}

/**
 * The suite goes inside Architect's folder: VS Code gives code the `vscode` API object of the extension
 * whose folder it is in, and the suite needs Architect's own (to mark when its handler starts).
 */
async function buildSuite() {
  const outfile = path.join(snapshotDir, 'bench-e2e', 'index.js');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'bench', 'e2e', 'index.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Architect's own request log (its Output channel, written to the extension host's log folder): per
 * request, ms from the handler's start to the context built and to the request sent.
 */
function requestLog(workDir) {
  const logs = path.join(workDir, 'user-data', 'logs');
  if (!existsSync(logs)) return [];
  const files = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /architect-tools\.architect-chat[\\/]Architect\.log$/.test(name),
  );
  const lines = files.flatMap((name) => readFileSync(path.join(logs, name), 'utf8').split('\n'));
  return lines
    .map((line) => /request #(\d+) .*timings: context (\d+)ms, sent (\d+|-)m?s?, first chunk (\d+|-)m?s?, done (\d+)ms/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({
      id: Number(match[1]),
      contextMs: Number(match[2]),
      sentMs: match[3] === '-' ? null : Number(match[3]),
      doneMs: Number(match[5]),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * code-server and Chromium leave sockets and profile locks in the work folder; vsce (npm run package)
 * walks the whole repository and stops at the first socket it meets, so they go once the run is over.
 */
function removeSockets(dir) {
  rmSync(path.join(dir, 'tmp'), { recursive: true, force: true });
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    try {
      const stat = lstatSync(file);
      if (stat.isSocket() || (stat.isSymbolicLink() && !existsSync(file))) rmSync(file, { force: true });
    } catch {
      // already gone with its folder
    }
  }
}

/** Samples of one participant in the measured phase, summarized. */
function side(samples, participant) {
  const mine = samples.filter((sample) => sample.participant === participant && sample.phase === 'measure');
  const received = mine.map((sample) => sample.receivedMs).filter((value) => typeof value === 'number');
  const handled = mine.filter((sample) => typeof sample.handlerMs === 'number' && typeof sample.receivedMs === 'number');
  return {
    n: mine.length,
    /** VS Code's part: chat.open until the participant's handler starts. */
    handler: summarize(handled.map((sample) => sample.handlerMs)),
    /** The participant's part before the model: handler start until the model has the request. */
    handlerToModel: summarize(handled.map((sample) => sample.receivedMs - sample.handlerMs)),
    /** Split at the participant's call of model.sendRequest: its own work, then VS Code's hop to the provider. */
    handlerToSend: summarize(
      handled.filter((sample) => typeof sample.sendCalledMs === 'number').map((sample) => sample.sendCalledMs - sample.handlerMs),
    ),
    sendToModel: summarize(
      handled.filter((sample) => typeof sample.sendCalledMs === 'number').map((sample) => sample.receivedMs - sample.sendCalledMs),
    ),

    received: summarize(received),
    total: summarize(mine.map((sample) => sample.totalMs)),
    countTokensCalls: mine.map((sample) => sample.countTokensCalls),
    requestChars: median(mine.map((sample) => sample.requestChars).filter((value) => typeof value === 'number')),
    requestTools: Math.max(0, ...mine.map((sample) => sample.requestTools ?? 0)),
    outcomes: [...new Set(mine.map((sample) => sample.outcome ?? (sample.error ? `error: ${sample.error}` : 'none')))],
    missedModel: mine.length - received.length,
  };
}

/**
 * `/changes` against `/review` of the same code, from the series that alternates them (`side` of each,
 * and the ratios of their times to the model); or why the series stopped.
 */
function changesVsReview(raw) {
  if (raw.changesError) return { error: raw.changesError };
  const of = (command) =>
    side(
      raw.changes.filter((sample) => sample.command === command),
      'architect',
    );
  const changes = of('changes');
  const review = of('review');
  if (changes.n === 0 || review.n === 0) return { error: 'the series did not run' };
  const firstChanges = raw.changes.find((sample) => sample.command === 'changes');
  return {
    changes,
    review,
    ratio: {
      median: changes.received.median / review.received.median,
      p95: changes.received.p95 / review.received.p95,
    },
    /** The first /changes of the run (a warm-up one): the Git extension's first status and diff for Architect. */
    firstChangesReceivedMs: firstChanges?.receivedMs ?? null,
    /** The Git extension's status() and the diff of the working copy, each timed alone from the extension host. */
    gitProbe: raw.gitProbe ? { status: summarize(raw.gitProbe.statusMs), diff: summarize(raw.gitProbe.diffMs) } : undefined,
  };
}

/** The workspace: a Git repository with src/orders.ts committed empty, and its 100 KB in the working copy. */
function benchWorkspace() {
  const workspace = path.join(benchOut, 'e2e-ws');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  const file = path.join(workspace, 'src', 'orders.ts');
  writeFileSync(file, '');
  gitRepository(workspace);
  // /review attaches this file; /changes sends the same bytes as added lines of the uncommitted change.
  writeFileSync(file, generateTypeScript(100 * 1024));
  return { workspace, file };
}

/**
 * Architect minus echo, run by run: the two of a pair ran back to back, so machine noise that drifts
 * (another process, a GC in the host) mostly cancels out.
 */
function pairedDifference(samples, key) {
  const measured = samples.filter((sample) => sample.phase === 'measure');
  const architect = measured.filter((sample) => sample.participant === 'architect');
  const echo = measured.filter((sample) => sample.participant === 'echo');
  const differences = [];
  for (let i = 0; i < Math.min(architect.length, echo.length); i++) {
    const a = architect[i]?.[key];
    const e = echo[i]?.[key];
    if (typeof a === 'number' && typeof e === 'number') differences.push(a - e);
  }
  return summarize(differences);
}

/**
 * The hop experiment: VS Code's time from @echo's sendRequest to the provider, by what the request
 * carried (Architect's tools, Architect's extra text, both, neither); and direct sendRequest calls
 * outside a chat request, with and without the tools.
 */
function hopSummary(hop) {
  const variants = ['plain', 'tools', 'text', 'tools+text', 'progress', 'replay'];
  const sendToModel = (variant) =>
    summarize(
      hop.chat
        .filter((x) => x.variant === variant && typeof x.sendCalledMs === 'number' && typeof x.receivedMs === 'number')
        .map((x) => x.receivedMs - x.sendCalledMs),
    );
  const direct = (tools) => hop.direct.filter((x) => x.tools === tools);
  return {
    paddingChars: hop.paddingChars,
    toolSchemaChars: hop.toolSchemaChars,
    chat: Object.fromEntries(variants.map((variant) => [variant, sendToModel(variant)])),
    direct: Object.fromEntries(
      [true, false].map((tools) => [
        tools ? 'tools' : 'plain',
        {
          received: summarize(direct(tools).map((x) => x.receivedMs)),
          resolved: summarize(direct(tools).map((x) => x.resolvedMs)),
        },
      ]),
    ),
  };
}

/**
 * @param {{ quick?: boolean, log: (line: string) => void }} options
 */
export async function measureEndToEnd({ quick = false, log }) {
  if (!existsSync(path.join(snapshotDir, 'dist', 'extension.js'))) throw new Error('build Architect first (bench/lib/architect.mjs)');
  const runtime = ensureRuntime();
  const fakeLm = await buildFakeLm();
  const echo = echoParticipant();
  const suite = await buildSuite();

  const { workspace, file } = benchWorkspace();

  const input = {
    file,
    warmup: quick ? 2 : 3,
    runs: quick ? 5 : 15,
    longWarmup: 1,
    longRuns: quick ? 2 : 5,
    profiledRuns: 5,
    hopRuns: quick ? 3 : 8,
    changesWarmup: quick ? 1 : 2,
    changesRuns: quick ? 5 : 15,
    // The answer in one chunk: the fake waits ≥1 ms after every chunk even at delayMs 0 (setTimeout),
    // so fewer chunks keep its pacing out of the 100 KB numbers.
    reply: [answerChunks(2000).join('')],
    longReply: answerChunks(2000),
    queries: {
      architect: '@architect /review Check validation and error handling of these handlers.',
      echo: '@echo Check validation and error handling of these handlers.',
      changes: '@architect /changes',
    },
  };
  const inputPath = path.join(e2eOut, 'input.json');
  mkdirSync(e2eOut, { recursive: true });
  writeFileSync(inputPath, JSON.stringify(input));

  // The extension host's chatter goes to a log file; the runner's progress lines stay on screen.
  const logFile = path.join(benchOut, 'e2e.log');
  writeFileSync(logFile, '');
  const print = console.log;
  console.log = (...args) => {
    const text = args.map(String).join(' ');
    appendFileSync(logFile, `${text}\n`);
    if (/^\[bench-e2e \+|^bench e2e:/.test(text)) print(text);
  };
  const workDir = path.join(benchOut, 'e2e-work');
  let outcome;
  try {
    outcome = await runSuite({
      name: 'bench-e2e',
      runtime,
      workDir,
      extensionDevelopmentPath: snapshotDir,
      extensionTestsPath: suite,
      workspace: { folder: workspace },
      settings: GIT_SETTINGS,
      installedExtensions: [fakeLm, echo],
      timeoutMs: 600_000,
      env: { BENCH_E2E_INPUT: inputPath },
    });
  } finally {
    console.log = print;
    removeSockets(workDir);
  }
  const resultsPath = path.join(workDir, 'bench-e2e.json');
  if (!existsSync(resultsPath))
    throw new Error(`the extension host wrote no results (exit ${outcome.exitCode}: ${outcome.reason}); see ${logFile}`);
  const raw = JSON.parse(readFileSync(resultsPath, 'utf8'));
  // Architect's request log, in request order, joined to its samples (warm-up and profiled ones too).
  const logged = requestLog(workDir);
  const architectSamples = [...raw.short, ...raw.long, ...raw.changes].filter((sample) => sample.participant === 'architect');
  const ordered = [
    ...raw.short.filter((x) => x.phase !== 'profile'),
    ...raw.long,
    ...raw.short.filter((x) => x.phase === 'profile'),
    ...raw.changes,
  ].filter((x) => x.participant === 'architect');
  if (logged.length === architectSamples.length) ordered.forEach((sample, index) => Object.assign(sample, { log: logged[index] }));
  // Architect's "context built" is the moment before it sends: its sendRequest call, to the ms.
  for (const sample of ordered) {
    if (sample.sendCalledMs === null && sample.log && typeof sample.handlerMs === 'number')
      sample.sendCalledMs = sample.handlerMs + sample.log.contextMs;
  }
  writeFileSync(path.join(benchOut, 'e2e-samples.json'), JSON.stringify(raw, null, 2));
  const measuredShort = raw.short.filter((x) => x.participant === 'architect' && x.phase === 'measure' && x.log);
  const profilePath = path.join(workDir, 'architect-requests.cpuprofile');
  // Only the stretch from Architect's handler starting to the model receiving the request: our part.
  const profiled = raw.short.filter((x) => x.phase === 'profile' && typeof x.handlerMs === 'number' && typeof x.receivedMs === 'number');
  const toProfileClock = (ms) => ms * 1000 + raw.hrOffsetUs;
  const windows = profiled.map((x) => ({
    from: toProfileClock(x.startedAt + x.handlerMs),
    to: toProfileClock(x.startedAt + x.receivedMs),
  }));
  const profile =
    existsSync(profilePath) && windows.length > 0 && typeof raw.hrOffsetUs === 'number'
      ? attributeBySourceMap([JSON.parse(readFileSync(profilePath, 'utf8'))], [snapshotBundle, snapshotEngine], {
          runsPerProfile: windows.length,
          windows,
        })
      : undefined;

  const result = {
    exitCode: outcome.exitCode,
    reason: outcome.reason,
    faults: outcome.faults,
    activationMs: raw.activationMs,
    /** The first request of each participant (warm-up): Architect's also loads dist/engine.js. */
    firstReceivedMs: {
      architect: raw.short.find((sample) => sample.participant === 'architect')?.receivedMs ?? null,
      echo: raw.short.find((sample) => sample.participant === 'echo')?.receivedMs ?? null,
    },
    handlerTimed: raw.handlerTimed,
    fileBytes: Buffer.byteLength(readFileSync(file)),
    /** From Architect's own log: handler start → context built → request sent (100 KB runs). */
    architectLog: measuredShort.length
      ? {
          n: measuredShort.length,
          context: summarize(measuredShort.map((x) => x.log.contextMs)),
          sent: summarize(measuredShort.filter((x) => x.log.sentMs !== null).map((x) => x.log.sentMs)),
          done: summarize(measuredShort.map((x) => x.log.doneMs)),
        }
      : undefined,
    /** CPU profile of the extension host during the profiled @architect requests, per request. */
    profile,
    /** vscode.workspace.fs on the attached file, timed from the extension host. */
    fsProbe: raw.fsProbe ? { stat: summarize(raw.fsProbe.statMs), readFile: summarize(raw.fsProbe.readFileMs) } : undefined,
    fsInRequest: raw.fsInRequest?.statMs.length
      ? { stat: summarize(raw.fsInRequest.statMs), readFile: summarize(raw.fsInRequest.readFileMs) }
      : undefined,
    hop: raw.hop ? hopSummary(raw.hop) : undefined,
    short: {
      chunks: raw.replyChunks,
      architect: side(raw.short, 'architect'),
      echo: side(raw.short, 'echo'),
      receivedDifference: pairedDifference(raw.short, 'receivedMs'),
      totalDifference: pairedDifference(raw.short, 'totalMs'),
    },
    long: {
      chunks: raw.longReplyChunks,
      architect: side(raw.long, 'architect'),
      echo: side(raw.long, 'echo'),
      receivedDifference: pairedDifference(raw.long, 'receivedMs'),
      totalDifference: pairedDifference(raw.long, 'totalMs'),
    },
    changes: changesVsReview(raw),
  };
  const a = result.short.architect;
  const e = result.short.echo;
  log(
    `e2e 100 KB: architect handler ${a.handler.median.toFixed(1)} → model ${a.received.median.toFixed(1)} → done ${a.total.median.toFixed(1)} ms; echo handler ${e.handler.median.toFixed(1)} → model ${e.received.median.toFixed(1)} → done ${e.total.median.toFixed(1)} ms; outcomes ${a.outcomes.join(', ')}`,
  );
  if (result.hop) {
    const h = result.hop;
    log(
      `e2e hop (echo sendRequest → model, median): ${Object.entries(h.chat)
        .map(([variant, x]) => `${variant} ${x.median.toFixed(1)}`)
        .join(', ')} ms; direct: tools ${h.direct.tools.received.median.toFixed(1)}, plain ${h.direct.plain.received.median.toFixed(1)} ms`,
    );
  }
  log(
    `e2e 2,000 chunks: architect total ${result.long.architect.total.median.toFixed(0)} ms, echo ${result.long.echo.total.median.toFixed(0)} ms`,
  );
  const c = result.changes;
  log(
    c.error
      ? `e2e /changes vs /review: not measured: ${c.error}`
      : `e2e /changes vs /review (to the model): median ${c.changes.received.median.toFixed(1)} vs ${c.review.received.median.toFixed(1)} ms (${c.ratio.median.toFixed(2)}×), p95 ${c.changes.received.p95.toFixed(1)} vs ${c.review.received.p95.toFixed(1)} ms (${c.ratio.p95.toFixed(2)}×); sent ${c.changes.requestChars} vs ${c.review.requestChars} chars`,
  );
  return result;
}
