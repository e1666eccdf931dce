// @ts-check
// Turns the measurements into the verdicts (one row per target), a console summary, and
// docs/BENCHMARKS.md. Every number in the document comes from the run that wrote it.
import { bytes, mark, ms } from './lib/stats.mjs';
import { changesSection, changesVerdicts } from './changes/report.mjs';
import { redactionSection, redactionVerdicts } from './redaction/report.mjs';
import { recallMarkdown, recallVerdicts } from './recall/report.mjs';

const KB = 1024;
/**
 * Below this, a memory peak is within what the measurement can resolve (RSS moves by pages and by
 * V8's and malloc's own chunks): such a peak counts as under 3× the file, however small the file.
 */
export const MEMORY_RESOLUTION = 512 * KB;

/** @param {number} value */
const kb = (value) => `${(value / KB).toFixed(1)} KB`;
/** @param {number} a @param {number} b */
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
/** "median / p95" of a summary. */
const spread = (x) => `${ms(x.median)} / ${ms(x.p95)}`;
/** A request's phases as table cells: before the handler, the handler's own part, the hop, and in all to the model. */
const phaseCells = (side) => [side.handler, side.handlerToSend, side.sendToModel, side.received].map(spread);
const budget = (tokens) => `${tokens / 1000}k`;

/**
 * One row per target: what was measured and whether it is met (undefined: not measured).
 * @param {any} r all results
 */
export function verdicts(r) {
  /** @type {Array<{ area: string, target: string, measured: string, ok: boolean | undefined, info?: boolean }>} */
  const rows = [];
  const prompt = r.prompt?.cases;
  if (prompt) {
    for (const [id, label, limit] of [
      ['ts-1kb', '1 KB', 1],
      ['ts-100kb', '100 KB', 5],
      ['ts-5mb', '5 MB', 20],
    ]) {
      const cases = prompt.filter((item) => item.file === id);
      const worst = Math.max(...cases.map((item) => item.p95));
      rows.push({
        area: 'Prompt build',
        target: `p95 ≤ ${limit} ms at ${label}`,
        measured: cases.map((item) => `${ms(item.p95)} @${budget(item.maxInputTokens)}`).join(', '),
        ok: worst <= /** @type {number} */ (limit),
      });
    }
    const largest = prompt.reduce((a, b) => (b.rssOverBaseline > a.rssOverBaseline ? b : a));
    const over = prompt.filter((item) => item.rssOverBaseline >= Math.max(3 * item.fileBytes, MEMORY_RESOLUTION));
    rows.push({
      area: 'Prompt build',
      target: 'memory peak under 3× the file',
      measured:
        `largest: +${bytes(largest.rssOverBaseline)} for the ${largest.title} @${budget(largest.maxInputTokens)} (${(largest.rssOverBaseline / largest.fileBytes).toFixed(2)}× the file)` +
        (over.length > 0
          ? `; over: ${over.map((item) => `${item.title} @${budget(item.maxInputTokens)} +${bytes(item.rssOverBaseline)}`).join(', ')}`
          : `; peaks under ${bytes(MEMORY_RESOLUTION)} are below resolution`),
      ok: over.length === 0,
    });
  } else
    rows.push({
      area: 'Prompt build',
      target: 'p95 and memory targets',
      measured: `not measured: ${r.errors?.prompt ?? 'skipped'}`,
      ok: undefined,
    });
  rows.push(...changesVerdicts(r));
  rows.push(...redactionVerdicts(r));
  if (r.drift) {
    const shipped = r.drift.shipped;
    rows.push({
      area: 'Prompt build',
      target: 'cost per request stays flat (no target given; a regression check)',
      measured: `requests 1–100: ${ms(shipped.firstMs)}/request, ${shipped.requests - 99}–${shipped.requests}: ${ms(shipped.lastMs)}/request; ${kb(shipped.retainedBytesPerRequest)} retained per request`,
      ok: shipped.lastMs <= shipped.firstMs * 1.5 + 0.5,
    });
  }

  const module = r.module;
  if (module) {
    rows.push({
      area: 'Module',
      target: 'both bundles ≤ 300 KB minified, activation ≤ 20 KB',
      measured: `${kb(module.rawBytes)} (gzip ${kb(module.gzipBytes)}): dist/extension.js ${kb(module.activationBytes)} + dist/engine.js ${kb(module.engineBytes)}`,
      ok: module.rawBytes <= 300 * KB && module.activationBytes <= 20 * KB,
    });
    rows.push({
      area: 'Module',
      target: 'require + activate ≤ 15 ms (median)',
      measured:
        `median ${ms(module.ours.total.median)}, p95 ${ms(module.ours.total.p95)}; ` +
        `with the engine's load that the first use adds, ${ms(module.ours.total.median + module.engineLoad.median)}`,
      ok: module.ours.total.median <= 15,
    });
    rows.push({
      area: 'Module',
      target: 'within 3× the empty extension',
      measured: `${ratio(module.ours.total.median, module.floor.total.median)} (empty extension: ${ms(module.floor.total.median)})`,
      ok: module.ours.total.median <= 3 * module.floor.total.median,
    });
    rows.push({
      area: 'Module',
      target: 'loading dist/engine.js on first use (no target given; paid once, by the first request, command or persona check)',
      measured: `median ${ms(module.engineLoad.median)}, p95 ${ms(module.engineLoad.p95)}`,
      ok: undefined,
      info: true,
    });
  } else
    rows.push({
      area: 'Module',
      target: 'size and load targets',
      measured: `not measured: ${r.errors?.module ?? 'skipped'}`,
      ok: undefined,
    });

  const e2e = r.e2e;
  if (e2e && e2e.short.architect.n > 0) {
    const s = e2e.short;
    rows.push({
      area: 'End to end',
      target: 'overhead before the model sees the request ≤ 50 ms at 100 KB',
      measured: `${ms(s.receivedDifference.median)} (median of paired differences; inside our handler: ${ms(s.architect.handlerToModel.median)} vs echo ${ms(s.echo.handlerToModel.median)})`,
      ok: s.receivedDifference.median <= 50,
    });
    rows.push({
      area: 'End to end',
      target: 'ratio to the echo floor ≤ 1.5, total time (b)',
      measured: `${ratio(s.architect.total.median, s.echo.total.median)} (medians ${ms(s.architect.total.median)} vs ${ms(s.echo.total.median)})`,
      ok: s.architect.total.median <= 1.5 * s.echo.total.median,
    });
    rows.push({
      area: 'End to end',
      target: 'ratio to the echo floor ≤ 1.2, time to the model (a)',
      measured: `${ratio(s.architect.received.median, s.echo.received.median)} (medians ${ms(s.architect.received.median)} vs ${ms(s.echo.received.median)})`,
      ok: s.architect.received.median <= 1.2 * s.echo.received.median,
    });
    const counts = [...s.architect.countTokensCalls, ...e2e.long.architect.countTokensCalls];
    rows.push({
      area: 'End to end',
      target: 'at most one countTokens call per request',
      measured: `max ${Math.max(...counts)} over ${counts.length} requests`,
      ok: Math.max(...counts) <= 1,
    });
  } else
    rows.push({
      area: 'End to end',
      target: 'overhead, ratio and countTokens targets',
      measured: `not measured: ${r.errors?.e2e ?? 'skipped'}`,
      ok: undefined,
    });
  rows.push(changesEndToEndVerdict(r));
  rows.push(...recallVerdicts(r));

  const vsix = r.vsix;
  if (vsix?.measured) {
    rows.push({
      area: 'VSIX',
      target: 'VSIX ≤ 200 KB',
      measured: `${kb(vsix.bytes)}, ${vsix.files} files${vsix.bundleMismatch ? ` (not trustworthy: ${vsix.bundleMismatch})` : ''}`,
      ok: vsix.bundleMismatch ? undefined : vsix.bytes <= 200 * KB,
    });
  } else {
    const estimate = vsix?.estimate
      ? `; estimate from the runtime files only: ${kb(vsix.estimate.bytes)}, ${vsix.estimate.files} files`
      : '';
    rows.push({
      area: 'VSIX',
      target: 'VSIX ≤ 200 KB',
      measured: `not measured: ${vsix?.reason ?? r.errors?.vsix ?? 'skipped'}${estimate}`,
      ok: undefined,
    });
  }
  return rows;
}

const CHANGES_TARGET = '/changes ≤ 1.5× /review of the same code, time to the model';

/**
 * End to end, `/changes` of a working copy that adds 100 KB against `/review` of the same 100 KB
 * attached: the ratio of their times to the model (medians; p95 shown).
 * @param {any} r
 */
function changesEndToEndVerdict(r) {
  const c = r.e2e?.changes;
  if (!c || c.error)
    return {
      area: 'End to end',
      target: CHANGES_TARGET,
      measured: `not measured: ${c?.error ?? r.errors?.e2e ?? 'skipped'}`,
      ok: undefined,
    };
  return {
    area: 'End to end',
    target: CHANGES_TARGET,
    measured:
      `${ratio(c.changes.received.median, c.review.received.median)} (medians ${ms(c.changes.received.median)} vs ${ms(c.review.received.median)}); ` +
      `p95 ${ratio(c.changes.received.p95, c.review.received.p95)} (${ms(c.changes.received.p95)} vs ${ms(c.review.received.p95)}); ${c.changes.n} runs each`,
    ok: c.changes.received.median <= 1.5 * c.review.received.median,
  };
}

/** Part 3's /changes series: how it was set up and where each command's time to the model goes. */
function changesEndToEndLines(e) {
  const c = e.changes;
  if (!c) return [];
  if (c.error) return [`\`/changes\` against \`/review\`: not measured: ${c.error}.`, ''];
  const row = (name, side) => [name, side.n, ...phaseCells(side), `${Math.round(side.requestChars / 1000)}k`, side.outcomes.join(', ')];
  return [
    '`/changes` against `/review` of the same code: the workspace is a Git repository (the built-in Git extension on, `git.enabled`) in which `src/orders.ts` was committed empty; ' +
      `its working copy holds the ${bytes(e.fileBytes)} file, so \`@architect /changes\` (no attachment) reads one uncommitted change of that many added lines through the Git extension ` +
      '(`repository.status()`, and at the same time `diffWith(HEAD)`) where `@architect /review` gets the file attached. Same chat, model and reply as above; warm-up, then the two alternate, taking turns at going first. ' +
      'Every `/changes` is checked to have reached the model with the whole diff (outcome ok, its request about the size of the file), or the series stops.' +
      (typeof c.firstChangesReceivedMs === 'number'
        ? ` The first \`/changes\` of the run (warm-up) reached the model after ${ms(c.firstChangesReceivedMs)}.`
        : ''),
    '',
    table(
      [
        '',
        'Runs',
        'chat.open → handler (median / p95)',
        'handler → sendRequest',
        'sendRequest → model',
        'chat.open → model',
        'Request chars',
        'Outcome',
      ],
      [row('@architect /changes', c.changes), row('@architect /review', c.review)],
    ),
    '',
    `Ratio /changes / /review of the time to the model: median ${ratio(c.changes.received.median, c.review.received.median)}, p95 ${ratio(c.changes.received.p95, c.review.received.p95)} (target ≤ 1.5×).` +
      (c.gitProbe
        ? ` What /changes waits for in the Git extension, each call alone from the extension host after the series (${c.gitProbe.status.n} times, median / p95): \`repository.status()\` ${spread(c.gitProbe.status)}, \`diffWith('HEAD', '.')\` ${spread(c.gitProbe.diff)}.`
        : ''),
    '',
  ];
}

/**
 * One line per missed target, from this run's profiles and counters; the suggested fixes are the
 * benchmark's reading of those numbers.
 * @param {any} r
 * @param {ReturnType<typeof verdicts>} rows
 */
export function missCauses(r, rows) {
  const missed = (target) => rows.some((row) => row.ok === false && row.target.includes(target));
  const lines = [];
  const top = (profile, count = 3) =>
    profile.packages
      .slice(0, count)
      .map((item) => `${item.name} ${ms(item.ms)}`)
      .join(', ');
  const fn = (profile, count = 3) =>
    profile.functions
      .slice(0, count)
      .map((item) => `${item.name.replace(/ \(.*\)$/, '')} ${ms(item.ms)}`)
      .join(', ');
  for (const item of r.prompt?.cases ?? []) {
    if (!item.profile) continue;
    const head = `**Prompt build, ${item.title} @${budget(item.maxInputTokens)}** (p95 ${ms(item.p95)} > ${item.targetP95Ms} ms)`;
    if (item.cpu.p95 <= item.targetP95Ms) {
      lines.push(
        `${head}: the CPU time of the same runs has a p95 of ${ms(item.cpu.p95)} (median ${ms(item.median)}), and under the profiler a build takes ${ms(item.profile.totalMs)}: ` +
          `the tail is time the process was not running (load average ${r.machine.loadStart[0]}–${r.machine.loadEnd[0]} on ${r.machine.cores} cores during this run), not the code. Rerun on an idle machine.`,
      );
      continue;
    }
    const names = item.profile.functions.map((entry) => entry.name).join(' ');
    const hints = [];
    if (/LineIndex|renderedLength/.test(names)) {
      const cost = (name) => item.profile.functions.find((entry) => entry.name.startsWith(`${name} `))?.ms;
      hints.push(
        `on every request, LineIndex records the start of every line of the whole ${bytes(item.fileBytes)} file (${ms(cost('LineIndex') ?? NaN)}) and renderedLength scans all of it again for line ends (${ms(cost('renderedLength') ?? NaN)}), ` +
          `though only ${bytes(item.plan.sentChars)} is sent: count the lines once, index only the stretch around the focus that can fit the budget, or keep the index per document version in the adapter`,
      );
    }
    if (
      /secretlint/.test(
        item.profile.packages
          .slice(0, 3)
          .map((entry) => entry.name)
          .join(' '),
      )
    )
      hints.push(`secretlint scans the whole window sent (${bytes(item.plan.sentChars)} here) with every rule`);
    const advice = hints.join('; ');
    lines.push(
      `${head}: per build, ${top(item.profile)}; top functions ${fn(item.profile, 4)}.${advice ? ` ${advice[0]?.toUpperCase()}${advice.slice(1)}.` : ''}`,
    );
  }
  const drift = r.drift;
  if (drift && drift.shipped.lastMs > drift.shipped.firstMs * 1.5 + 0.5) {
    lines.push(
      `**Cost per request grows with every request** (${ms(drift.shipped.firstMs)} → ${ms(drift.shipped.lastMs)} per 1 KB request over ${drift.shipped.requests} requests; ${kb(drift.shipped.retainedBytesPerRequest)} never freed per request; ${drift.shipped.marksBuffered} performance marks left in Node's buffer): ` +
        "@secretlint/core marks every rule of every scan through @secretlint/profiler, whose PerformanceObserver keeps every entry forever and searches all of them again for each new mark (quadratic over the extension host's life, on its event loop). " +
        'Fix: replace @secretlint/profiler with a no-op in the bundle, like stubDebug in scripts/build.mjs' +
        (drift.withoutProfiler
          ? ` (measured here: ${ms(drift.withoutProfiler.firstMs)} → ${ms(drift.withoutProfiler.lastMs)}, ${kb(drift.withoutProfiler.retainedBytesPerRequest)} retained).`
          : '.'),
    );
  }
  const mod = r.module;
  if (mod && missed('both bundles ≤ 300 KB')) {
    const ours = mod.packages.filter((item) => item.name.startsWith('src/')).reduce((sum, item) => sum + item.bytes, 0);
    lines.push(
      `**Bundles ${kb(mod.rawBytes)} > 300 KB (or activation > 20 KB)**: ${mod.packages
        .slice(0, 5)
        .map((item) => `${item.name} ${kb(item.bytes)}`)
        .join(', ')}. ` +
        `Dependencies make up ${kb(mod.rawBytes - ours)} of it and Architect's own code ${kb(ours)}; the dependencies are the libraries the project chose: gray-matter with js-yaml for persona and instruction-file front matter, zod, secretlint's core and rules, jsonc-parser and parse-diff. ` +
        "Already left out at build time (scripts/build.mjs, scripts/trim-dependencies.mjs): node-forge (~290 KB, used only by a secretlint check that reads `.p12` files with Node's fs), `debug`, secretlint's leaking profiler and its marks, " +
        "js-yaml's dumper, unused loaders and every schema but the core one (timestamps, merge keys, binary, omap, pairs, set), gray-matter's `eval` engine, sections, stringify and kind-of, jsonc-parser's unread enum objects and formatter tables, " +
        "@secretlint/core's preset registration and masking, and from secretlint's preset its inlined lodash (~22 KB), the comment-filter rule Architect never registers, its Japanese messages and documentation links. " +
        'What is left is the libraries the project keeps and its own code; going further means replacing the YAML parser, zod or secretlint with code we would own (persona files and attached code are untrusted input), which docs/decisions/0010-bundle-budget.md decides against, or making our own code (the larger part) smaller. ' +
        `The gzip size, what a user downloads, is ${kb(mod.gzipBytes)}.`,
    );
  }
  if (mod && (missed('require + activate') || missed('3× the empty')) && mod.profile && mod.profileByPackage) {
    const outside = (name) => mod.profile.outside.find((item) => item.name.startsWith(name))?.ms ?? 0;
    lines.push(
      `**require + activate ${ms(mod.ours.total.median)}** (activate() itself ${ms(mod.ours.activate.median)}): under the profiler (which slows it down), of ${ms(mod.profile.totalMs)} sampled, compiling the ${kb(mod.activationBytes)} activation bundle takes ${ms(outside('wrapSafe'))} and running module top-level code ${ms(mod.profile.inBundleMs)}; ` +
        `by package: ${top(mod.profileByPackage, 4)}. Schemas, secretlint and tables that only some requests need are built on first use, and the \`vscode\` API is no longer copied per module. ` +
        `The 3× target against an empty extension (${ms(mod.floor.total.median)}, Node's own module loading) is out of reach for any bundle that does real work: compiling ours alone takes longer.`,
    );
  }
  const e2e = r.e2e;
  if (e2e && missed('overhead before the model')) {
    const idle = e2e.profile?.outside.find((item) => item.name === '(idle)')?.ms;
    lines.push(
      `**${ms(e2e.short.receivedDifference.median)} more than echo before the model has the request** (target 50 ms): VS Code starts either handler in about the same time (${ms(e2e.short.architect.handler.median)} vs ${ms(e2e.short.echo.handler.median)}); ` +
        `passing the request on to the provider takes ${ms(e2e.short.architect.sendToModel.median)} vs ${ms(e2e.short.echo.sendToModel.median)} (Architect's request: ${Math.round(e2e.short.architect.requestChars / 1000)}k characters and ${e2e.short.architect.requestTools} tools; echo's: ${e2e.short.echo.requestChars} characters, ${e2e.short.echo.requestTools} tools); ` +
        `Architect's own part, handler start to \`sendRequest\`, takes ${ms(e2e.short.architect.handlerToSend.median)} (echo: ${ms(e2e.short.echo.handlerToSend.median)}). ` +
        (e2e.hop?.chat?.replay?.n
          ? `When @echo sends exactly Architect's last request (its messages, tools and justification), the hop takes ${ms(e2e.hop.chat.replay.median)}, against ${ms(e2e.hop.chat['tools+text'].median)} for echo's own request with as many characters and the same tools: the hop's extra time comes with the request's content and shape, not with anything Architect's extension host does while sending. `
          : '') +
        (e2e.profile
          ? `From handler start to the model receiving the request, the extension host is mostly waiting: ${ms(idle ?? NaN)} idle of ${ms(e2e.profile.totalMs)} sampled per request, ${ms(e2e.profile.inBundleMs)} of CPU in our bundle (${top(e2e.profile, 3)}). `
          : '') +
        (e2e.fsProbe
          ? `Each \`workspace.fs\` call on the attachment is a round trip here: stat ${ms(e2e.fsProbe.stat.median)}, readFile ${ms(e2e.fsProbe.readFile.median)} (median) when timed alone`
          : '') +
        (e2e.fsInRequest
          ? `, but ${ms(e2e.fsInRequest.stat.median)} and ${ms(e2e.fsInRequest.readFile.median)} when started together with the handler, while the workbench is busy with the request; Architect awaits a stat and then a readFile before it can build the prompt. `
          : '. ') +
        'The stat comes first so that a multi-gigabyte attachment is refused before it is read into memory; the persona and the instruction files are read at the same time.',
    );
  }
  const c = r.e2e?.changes;
  if (c && !c.error && missed(CHANGES_TARGET)) {
    lines.push(
      `**/changes takes ${ratio(c.changes.received.median, c.review.received.median)} the time of /review to reach the model** (target 1.5×): VS Code starts the handler in ${ms(c.changes.handler.median)} vs ${ms(c.review.handler.median)}; ` +
        `Architect's own part, handler start to \`sendRequest\` (reading the changes through the Git extension, or the attachment, and building the prompt): ${ms(c.changes.handlerToSend.median)} vs ${ms(c.review.handlerToSend.median)}; ` +
        `the hop to the provider ${ms(c.changes.sendToModel.median)} vs ${ms(c.review.sendToModel.median)}.` +
        (c.gitProbe
          ? ` Most of Architect's extra part is the Git extension's \`repository.status()\`, which /changes must await so that HEAD and new files are current: ${ms(c.gitProbe.status.median)} alone (the Git extension reads HEAD, the remotes, submodules and worktrees, then runs \`git status\` and lists the refs: two rounds of git processes), against ${ms(c.gitProbe.diff.median)} for the diff, which is read meanwhile.`
          : ''),
    );
  }
  if (r.vsix && !r.vsix.measured) {
    const ignore = r.vsix.warnings.some((warning) => /vscodeignore/.test(warning));
    lines.push(
      `**VSIX not measured**: ${r.vsix.reason}. ` +
        (ignore
          ? 'With no `.vscodeignore` (or `files` in package.json), vsce walks the whole repository (sources, tests, out/ with live sockets of test runs) and stops at the first file it cannot read. An allow-list `.vscodeignore` (`**` then `!dist/extension.js`, `!personas/**`, `!media/icon.png`, `!l10n/**`, `!package.nls*.json`, `!LICENSE`, `!README.md`) fixes that. '
          : '') +
        (r.vsix.estimate ? `Packaged that way it would be ${kb(r.vsix.estimate.bytes)} (${r.vsix.estimate.files} files).` : ''),
    );
  }
  return lines;
}

/**
 * The four speed-and-size figures side by side, from this run: time to the model against echo, the
 * overhead before the model at 100 KB, the bundle, and require + activate ("–" when a part did not run).
 * @param {any} r
 */
export function headline(r) {
  const s = r.e2e?.short;
  const measuredE2e = s && s.architect.n > 0;
  const figures = [
    `time to the model ${measuredE2e ? ratio(s.architect.received.median, s.echo.received.median) : '–'} echo (target ≤ 1.2×)`,
    `overhead before the model at 100 KB ${measuredE2e ? ms(s.receivedDifference.median) : '–'} (≤ 50 ms)`,
    `bundle ${r.module ? kb(r.module.rawBytes) : '–'} (≤ 300 KB)`,
    `require + activate ${r.module ? ms(r.module.ours.total.median) : '–'} (≤ 15 ms)`,
  ];
  return `Speed and size: ${figures.join(' · ')}`;
}

/** A short plain-text summary for the terminal. */
export function consoleSummary(r, rows) {
  const lines = ['', '== Architect benchmark =='];
  lines.push(
    `${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}, load ${r.machine.loadStart.join(' ')} → ${r.machine.loadEnd.join(' ')}`,
  );
  lines.push(headline(r));
  const width = Math.max(...rows.map((row) => row.target.length));
  for (const row of rows)
    lines.push(
      `${row.info ? 'i ' : row.ok === undefined ? '– ' : mark(row.ok)} ${row.area.padEnd(12)} ${row.target.padEnd(width)}  ${row.measured}`,
    );
  lines.push(`wrote docs/BENCHMARKS.md (${((r.finishedAt - r.startedAt) / 1000).toFixed(0)} s)`);
  return lines.join('\n');
}

/** @param {string[]} header @param {Array<Array<string | number>>} body */
function table(header, body) {
  const escape = (cell) => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** The hop experiment of part 3: what VS Code's hop to the provider costs for Architect's tools and text. */
function hopLines(hop) {
  if (!hop) return [];
  const chat = hop.chat;
  const row = (label, x) => [label, x.n, ms(x.median), ms(x.p95), ms(x.median - chat.plain.median)];
  return [
    `What VS Code's hop from \`sendRequest\` to the provider costs for what Architect adds: @echo sent its request plain, with Architect's four tool definitions (${kb(hop.toolSchemaChars)} of JSON), ` +
      `with ${Math.round(hop.paddingChars / 1000)}k more characters (Architect's request is that much larger), or both, or exactly what @architect sent, in rotating order:`,
    '',
    table(
      ['@echo request', 'Runs', 'sendRequest → model (median)', 'p95', 'vs plain'],
      [
        row('plain', chat.plain),
        row("+ Architect's tools", chat.tools),
        row("+ Architect's extra text", chat.text),
        row('+ both', chat['tools+text']),
        row('plain, after streaming a note and its reference (as @architect does before sending)', chat.progress),
        ...(chat.replay?.n ? [row("exactly @architect's last request: its messages, tools and justification", chat.replay)] : []),
      ],
    ),
    '',
    `The same request sent directly from the extension host, outside any chat request (alternating): with the tools ${ms(hop.direct.tools.received.median)} to the provider ` +
      `(sendRequest resolved after ${ms(hop.direct.tools.resolved.median)}), without ${ms(hop.direct.plain.received.median)} (${ms(hop.direct.plain.resolved.median)}); ${hop.direct.tools.received.n} runs each.`,
    '',
  ];
}

function profileLines(profile, what) {
  if (!profile) return [];
  const per = profile.runsPerProfile > 1 ? (/request/.test(what) ? ' per request' : ' per build') : '';
  return [
    `Where the time goes (${what}: CPU profile of the ${profile.runsPerProfile > 1 ? 'timed runs' : 'timed section'}, ${profile.profiles} ${profile.profiles === 1 ? 'process' : 'processes'}, self time${per}; ${ms(profile.totalMs)} sampled${per}, ${ms(profile.inBundleMs)} of it in the bundle):`,
    '',
    table(
      ['By package or source folder', 'ms' + per],
      profile.packages.map((item) => [item.name, item.ms.toFixed(2)]),
    ),
    '',
    table(
      ['Top functions', 'ms' + per],
      profile.functions.slice(0, 6).map((item) => [item.name, item.ms.toFixed(2)]),
    ),
    '',
    table(
      ['Outside the bundle (compiling it, GC, Node, VS Code; idle = waiting)', 'ms' + per],
      profile.outside.slice(0, 6).map((item) => [item.name, item.ms.toFixed(2)]),
    ),
    '',
  ];
}

/**
 * docs/BENCHMARKS.md.
 * @param {any} r
 * @param {ReturnType<typeof verdicts>} rows
 */
export function markdown(r, rows) {
  const m = r.machine;
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Written by \`npm run bench\` (bench/run.mjs) on ${new Date(r.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${((r.finishedAt - r.startedAt) / 1000).toFixed(0)} s. ` +
      'Every number below comes from that run; run it again to refresh this file. It is a benchmark, not a test: it never fails the build. ' +
      `Memory peaks under ${bytes(MEMORY_RESOLUTION)} are below what the measurement resolves and count as met.`,
  );
  out.push('');
  out.push(
    `**Machine:** ${m.cpu}, ${m.cores} cores, ${(m.memory / 1024 ** 3).toFixed(1)} GB RAM, ${m.os}; Node ${m.node}${m.vscode ? `; VS Code ${m.vscode} (code-server ${m.codeServer}) for the end-to-end part` : ''}.`,
  );
  out.push(
    `Load average ${m.loadStart.join(' / ')} at the start and ${m.loadEnd.join(' / ')} at the end.${Math.max(...m.loadStart, ...m.loadEnd) > m.cores * 0.75 ? ' **Other work was running on this machine during the run**: expect the p95 values (and the end-to-end numbers) to be noisier than on an idle machine.' : ''}`,
  );
  out.push('');
  out.push('## Where we stand');
  out.push('');
  out.push(`**${headline(r)}**`);
  out.push('');
  out.push(
    table(
      ['', 'Area', 'Target', 'Measured'],
      rows.map((row) => [row.info ? 'ℹ️' : row.ok === undefined ? '➖ not measured' : mark(row.ok), row.area, row.target, row.measured]),
    ),
  );
  out.push('');

  const causes = missCauses(r, rows);
  if (causes.length > 0) {
    out.push('## Why, where a target is missed (measured in this run)');
    out.push('');
    out.push(...causes.map((line) => `- ${line}`));
    out.push('');
  }

  out.push(...changesSection(r));
  out.push(...redactionSection(r));
  out.push(...recallMarkdown(r));
  if (r.prompt) {
    out.push('## 1. Prompt building (pure core, built output)');
    out.push('');
    out.push(
      "`buildRequest()` from the minified core bundle (`src/core/request/buildRequest.ts` with `parsePersona`, built by esbuild with the extension's plugins), `/review`, " +
        'the built-in persona, secret redaction and budgeting on, one attached file with a 20-line selection in its middle (around a planted fake secret) ' +
        '(on the one-line bundle: its middle column). Each case runs in its own process: a JIT warm-up on a small file, the first run of the case timed alone, ' +
        'warm-up runs (≥ 5, ≥ 300 ms), then ≥ 50 timed runs (≥ 1 s; up to 2,000). Targets are on wall time; the CPU time of the same runs is shown next to it ' +
        "(the whole process: V8's background GC and compiler threads included, so it can exceed wall time). When the wall-time p95 is far above the CPU-time p95, the tail is time the process was not running (other processes on the cores), not slower code. Memory: peak resident set over the baseline (file loaded, code compiled) during one build, " +
        'sampled every 0.2 ms from a worker thread, median of 5 processes. Garbage that fits in the young generation V8 already committed does not show (resolution: a few hundred KB).',
    );
    out.push('');
    out.push(
      table(
        [
          'File',
          'Budget',
          'Sent',
          'Redactions',
          'First run',
          'Median',
          'p95',
          'p95 CPU time',
          'Runs',
          'Target p95',
          '',
          'Peak memory',
          '× file',
        ],
        r.prompt.cases.map((item) => [
          item.title,
          budget(item.maxInputTokens),
          item.plan.sentLines.join(', '),
          item.plan.redactions,
          ms(item.firstRunMs),
          ms(item.median),
          ms(item.p95),
          ms(item.cpu.p95),
          item.n,
          item.targetP95Ms === undefined ? '–' : `≤ ${item.targetP95Ms} ms`,
          item.targetP95Ms === undefined ? '–' : mark(item.p95 <= item.targetP95Ms),
          `+${bytes(Math.max(0, item.rssOverBaseline))}`,
          item.rssOverBaseline < MEMORY_RESOLUTION ? 'below resolution' : `${(item.rssOverBaseline / item.fileBytes).toFixed(2)}×`,
        ]),
      ),
    );
    out.push('');
    for (const item of r.prompt.cases.filter((entry) => entry.profile)) {
      out.push(`### Why ${item.title} @${budget(item.maxInputTokens)} misses ${item.targetP95Ms} ms`);
      out.push('');
      out.push(...profileLines(item.profile, `${item.title} @${budget(item.maxInputTokens)}, unminified twin of the bundle`));
    }
  }
  if (r.drift) {
    const d = r.drift;
    out.push('### Cost per request over many requests');
    out.push('');
    out.push(
      `${d.shipped.requests} builds of the 1 KB file in one process, each followed by a turn of the event loop (as between two chat requests), so that work a build leaves queued is counted. ` +
        'Per-request time for each block of 100 requests, and heap retained per request (after a full GC). ' +
        (d.buildStubsProfiler
          ? 'This caught @secretlint/profiler, which kept every performance mark and searched them all on each new one (2 → 11 ms per 1 KB request over 600 requests, 21 KB retained each); scripts/build.mjs now stubs it, and this check keeps it that way.'
          : ''),
    );
    out.push('');
    out.push(
      table(
        ['Bundle', ...d.shipped.windowMs.map((_, i) => `${i * 100 + 1}–${(i + 1) * 100}`), 'Retained per request', 'Marks buffered'],
        [
          ['shipped', ...d.shipped.windowMs.map(ms), kb(d.shipped.retainedBytesPerRequest), d.shipped.marksBuffered],
          ...(d.withoutProfiler
            ? [
                [
                  '@secretlint/profiler stubbed (suggested fix)',
                  ...d.withoutProfiler.windowMs.map(ms),
                  kb(d.withoutProfiler.retainedBytesPerRequest),
                  d.withoutProfiler.marksBuffered,
                ],
              ]
            : []),
        ],
      ),
    );
    out.push('');
  }

  if (r.module) {
    const mod = r.module;
    out.push('## 2. Module cost');
    out.push('');
    out.push(
      `\`dist/extension.js\` and \`dist/engine.js\` from \`node scripts/build.mjs --production\`: **${kb(mod.rawBytes)}** minified together (${kb(mod.activationBytes)} + ${kb(mod.engineBytes)}), ${kb(mod.gzipBytes)} gzip (level 9). ` +
        'Activation loads the first; the first request, command or persona check loads the second (docs/decisions/0013-load-the-engine-on-first-use.md).' +
        (mod.distMatches
          ? ''
          : ' (dist/ on disk had another size when checked: something rebuilt it meanwhile; the numbers are of a build with the production options.)'),
    );
    out.push('');
    out.push(
      'Cold start: a fresh Node process per run, `require()` of dist/extension.js and `activate()` against a stand-in for the `vscode` module (bench/module/vscode-stub.mjs), ' +
        `alternating with an extension that only exports \`activate(){}\` (the floor), ${mod.ours.total.n} runs each; then, in the same process, \`require()\` of dist/engine.js and \`createEngine()\`, as the first use does (${ms(mod.engineLoad.median)} median, p95 ${ms(mod.engineLoad.p95)}). The bundles are copied outside the repository first, as an installed extension is` +
        (mod.requiresEsprima
          ? ' (js-yaml tries `require("esprima")` at load, which finds the repository\'s node_modules but nothing once installed).'
          : '.') +
        (mod.stubMissing.length > 0 ? ` The stand-in lacked: ${mod.stubMissing.join(', ')}.` : ''),
    );
    out.push('');
    out.push(
      table(
        ['', 'require median', 'require p95', 'activate median', 'activate p95', 'total median', 'total p95'],
        [
          [
            'Architect',
            ms(mod.ours.require.median),
            ms(mod.ours.require.p95),
            ms(mod.ours.activate.median),
            ms(mod.ours.activate.p95),
            ms(mod.ours.total.median),
            ms(mod.ours.total.p95),
          ],
          [
            'empty extension',
            ms(mod.floor.require.median),
            ms(mod.floor.require.p95),
            ms(mod.floor.activate.median),
            ms(mod.floor.activate.p95),
            ms(mod.floor.total.median),
            ms(mod.floor.total.p95),
          ],
        ],
      ),
    );
    out.push('');
    out.push('Biggest inputs of the two bundles together (esbuild metafile, bytes in the minified output):');
    out.push('');
    out.push(
      table(
        ['Input', 'Bytes in output'],
        mod.topInputs.map((item) => [item.file, kb(item.bytes)]),
      ),
    );
    out.push('');
    out.push(
      table(
        ['By package or source folder', 'Bytes in output'],
        mod.packages.slice(0, 10).map((item) => [item.name, kb(item.bytes)]),
      ),
    );
    out.push('');
    if (mod.profile) {
      const outside = (name) => mod.profile.outside.find((item) => item.name.startsWith(name))?.ms ?? 0;
      out.push(
        `Where the cold start goes (CPU profile of the timed section of the shipped bundle, ${mod.profile.profiles} processes): ${ms(mod.profile.totalMs)} sampled, ` +
          `of which compiling the bundle (wrapSafe) ${ms(outside('wrapSafe'))}, running its code (top-level module code and activate) ${ms(mod.profile.inBundleMs)}, ` +
          `garbage collection ${ms(outside('(garbage collector)'))}. The unminified twin tells which modules' code runs:`,
      );
      out.push('');
      out.push(...profileLines(mod.profileByPackage, 'unminified twin of the bundle'));
    }
  }

  if (r.e2e) {
    const e = r.e2e;
    out.push('## 3. End to end in VS Code');
    out.push('');
    out.push(
      `code-server's real extension host and the web workbench in headless Chromium. Architect (production build) is the development extension; the fake-lm fixture and ` +
        '`test/fixtures/echo-participant` (`@echo`: reads the attached files, sends them and the prompt to `request.model`, forwards the chunks: the floor for a participant that reviews an attachment) are installed extensions. ' +
        "The handler start, the handler's call of `model.sendRequest` and the model receiving the request split (a) into VS Code before the handler, the participant's own work, and VS Code's hop to the provider " +
        '(for @architect the call of sendRequest is taken from its request log, "context built", to the ms: VS Code freezes the objects a wrapper would need). ' +
        `Each request: \`workbench.action.chat.newChat\`, then \`workbench.action.chat.open\` with \`attachFiles: [100 KB .ts]\` (${bytes(e.fileBytes)}), \`mode: 'ask'\`, the fake model, \`blockOnResponse\`. ` +
        `The fake answers at once (\`delayMs: 0\`). @architect and @echo alternate, after warm-up. Times from just before \`chat.open\`: when the participant's handler started, ` +
        'when the fake model received the request, and when `chat.open` resolved (the answer complete). ' +
        'The workspace is a Git repository and the built-in Git extension runs (for `/changes`, below). ' +
        `Architect activated in ${ms(e.activationMs)} in the extension host.` +
        (typeof e.firstReceivedMs?.architect === 'number' && typeof e.firstReceivedMs?.echo === 'number'
          ? ` The first @architect request of the run (warm-up, which also loads dist/engine.js) reached the model after ${ms(e.firstReceivedMs.architect)}; @echo's first, ${ms(e.firstReceivedMs.echo)}.`
          : ''),
    );
    out.push('');
    const row = (name, side, chunks) => [
      name,
      chunks,
      side.n,
      ...phaseCells(side),
      spread(side.total),
      side.countTokensCalls.length ? Math.max(...side.countTokensCalls) : '–',
      side.outcomes.join(', '),
    ];
    out.push(
      table(
        [
          '',
          'Reply chunks',
          'Runs',
          'chat.open → handler (median / p95)',
          'handler → sendRequest',
          'sendRequest → model',
          '(a) chat.open → model',
          '(b) total',
          'countTokens (max)',
          'Outcome',
        ],
        [
          row('@architect /review', e.short.architect, e.short.chunks),
          row('@echo', e.short.echo, e.short.chunks),
          row('@architect /review', e.long.architect, e.long.chunks),
          row('@echo', e.long.echo, e.long.chunks),
        ],
      ),
    );
    out.push('');
    if (e.architectLog) {
      out.push(
        `Inside @architect, from its own request log (ms after its handler started, 100 KB runs, median / p95): context built ${spread(e.architectLog.context)}, ` +
          `request sent ${spread(e.architectLog.sent)}, done ${spread(e.architectLog.done)}. ` +
          '"Context" covers reading the attachment, the persona, the settings and building the prompt; "sent" is when `model.sendRequest` returned.',
      );
      out.push('');
    }
    if (e.fsProbe) {
      out.push(
        `\`vscode.workspace.fs\` on the attached file, from the same extension host (10 times, median / p95): stat ${spread(e.fsProbe.stat)}, ` +
          `readFile ${spread(e.fsProbe.readFile)}` +
          (e.fsInRequest
            ? `; started together with @architect's handler (${e.fsInRequest.stat.n} requests), while the workbench handles the request: stat ${spread(e.fsInRequest.stat)}, readFile ${spread(e.fsInRequest.readFile)}.`
            : '.'),
      );
      out.push('');
    }
    if (e.profile) {
      out.push(
        ...profileLines(
          e.profile,
          `the extension host from @architect's handler starting to the model receiving the request, ${e.profile.runsPerProfile} more requests, by the source file each function starts in (source map)`,
        ),
      );
    }
    out.push(...hopLines(e.hop));
    out.push(
      `Ratios of the medians, architect / echo: (a) ${ratio(e.short.architect.received.median, e.short.echo.received.median)}, (b) ${ratio(e.short.architect.total.median, e.short.echo.total.median)}; ` +
        `with 2,000 chunks (b) ${ratio(e.long.architect.total.median, e.long.echo.total.median)}. ` +
        `Architect minus echo, pair by pair (the two ran back to back): before the model ${ms(e.short.receivedDifference.median)} (p95 ${ms(e.short.receivedDifference.p95)}), ` +
        `total ${ms(e.short.totalDifference.median)} (p95 ${ms(e.short.totalDifference.p95)}); with 2,000 chunks, total ${ms(e.long.totalDifference.median)}. ` +
        'The fake model waits ≥ 1 ms after each chunk even at `delayMs: 0` (a `setTimeout`), so a 2,000-chunk reply takes ≥ 2 s whoever forwards it; the difference is what counts.',
    );
    if (e.faults?.length) out.push(`\nFaults seen in the extension host: ${e.faults.join('; ')}`);
    out.push('');
    out.push(...changesEndToEndLines(e));
  }

  if (r.stream) {
    const s = r.stream;
    out.push('## 4. Streaming');
    out.push('');
    out.push(
      `\`AnswerStreamFilter.push\` (pure core, built output): ${s.chunks} chunks of 3–20 characters (${s.chars} characters of markdown: prose, a link, a code block, and the findings block the filter holds back), ` +
        `pushed through a fresh filter; ${s.n} passes. The 2,000-chunk replies end to end are in the table of part 3.`,
    );
    out.push('');
    out.push(
      table(['Per chunk, median', 'p95', 'min'], [[`${Math.round(s.median)} ns`, `${Math.round(s.p95)} ns`, `${Math.round(s.min)} ns`]]),
    );
    out.push('');
  }

  if (r.vsix) {
    const v = r.vsix;
    out.push('## 5. VSIX');
    out.push('');
    if (v.measured) {
      out.push(`\`npm run package\`: **${kb(v.bytes)}**, ${v.files} files.${v.bundleMismatch ? ` ${v.bundleMismatch}` : ''}`);
      out.push('');
      out.push(
        table(
          ['Largest entries', 'Compressed', 'Size'],
          v.entries.map((item) => [item.name, kb(item.compressed), kb(item.size)]),
        ),
      );
    } else {
      out.push(`Not measured: ${v.reason}.`);
      if (v.warnings.length) out.push(`\nvsce warned: ${v.warnings.map((w) => w.replace(/^WARNING\s+/, '')).join(' / ')}`);
      if (v.estimate) {
        out.push('');
        out.push(`Estimate (${v.estimate.note}): **${kb(v.estimate.bytes)}**, ${v.estimate.files} files.`);
        out.push('');
        out.push(
          table(
            ['Largest entries', 'Compressed', 'Size'],
            v.estimate.entries.map((item) => [item.name, kb(item.compressed), kb(item.size)]),
          ),
        );
      }
    }
    out.push('');
  }

  if (Object.keys(r.errors ?? {}).length > 0) {
    out.push('## Parts that did not run');
    out.push('');
    for (const [part, error] of Object.entries(r.errors)) out.push(`- ${part}: ${error}`);
    out.push('');
  }
  out.push('## How to read and rerun');
  out.push('');
  out.push(
    `- \`npm run bench\` runs everything (${((r.finishedAt - r.startedAt) / 60000).toFixed(1)} minutes this time); \`BENCH_QUICK=1\` does fewer runs, \`BENCH_SKIP=e2e,vsix\` leaves parts out (prompt, drift, stream, module, e2e, vsix).`,
  );
  out.push(
    '- The code: bench/run.mjs (orchestration), bench/report.mjs (verdicts and this file), bench/prompt, bench/module, bench/e2e (index.ts runs inside the extension host), bench/stream, bench/vsix; the floor participant is test/fixtures/echo-participant.',
  );
  out.push(
    '- Raw results: `out/bench/results.json`; end-to-end samples: `out/bench/e2e-samples.json`; extension-host log: `out/bench/e2e.log`.',
  );
  out.push('- p95 is nearest-rank: with 50 runs, the 48th fastest.');
  out.push('');
  return out.join('\n');
}
