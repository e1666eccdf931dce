// @ts-check
// When a target is missed, the benchmark says why: the measured child records a CPU profile of
// exactly the timed work (node:inspector, started and stopped around it), and the samples are charged
// to source modules. Profiles carry per-line ticks; in an unminified esbuild bundle each module starts
// with a `// path/to/module.js` comment line, which is all the mapping needed. (A minified bundle has a
// few huge lines, so there the split is only: our code, compiling it, the garbage collector, Node.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';

/** Start lines (1-based) of each bundled module, from esbuild's `// module/path.js` comments. */
function moduleStarts(bundlePath) {
  /** @type {Array<{ line: number, module: string }>} */
  const starts = [];
  readFileSync(bundlePath, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /^\/\/ ((?:node_modules|src|bench|scripts|test)\/\S+\.(?:[cm]?[jt]s|json))$/.exec(line);
      if (match) starts.push({ line: index + 1, module: /** @type {string} */ (match[1]) });
    });
  return starts;
}

/** `node_modules/@secretlint/core/module/index.js` → `@secretlint/core`; our sources by folder. */
/**
 * The profile's nodes with their self time (µs), counting only samples inside `windows` when given.
 * The inspector's own start/stop work (`dispatch`) is the profiler, not the code profiled: left out.
 * @param {any} profile
 * @param {Array<{ from: number, to: number }>} [windows]
 */
function* selfTimedNodes(profile, windows) {
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  let at = profile.startTime;
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windows && !windows.some((window) => at >= window.from && at <= window.to)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const frame = node.callFrame;
    if (us === 0 || (frame.functionName === 'dispatch' && frame.url === '')) continue;
    yield { node, frame, us };
  }
}

/** The `count` largest entries of a map of microseconds, in milliseconds per run. */
function topEntries(map, count, per) {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 / per }));
}

export function packageOf(module) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (match) return /** @type {string} */ (match[1]);
  const ours = /^src\/(core|vscode)\/([^/]+)/.exec(module);
  return ours ? `src/${ours[1]}/${ours[2]}` : module;
}

/**
 * Self time per source module, per package and per function of the samples inside the bundle, and
 * the rest (compiling the bundle, Node internals, GC) by name; averaged over the profiles given and,
 * when each profile covers several runs, per run.
 * @param {any[]} profiles
 * @param {string} bundlePath
 * @param {{ runsPerProfile?: number }} [options]
 */
export function attribute(profiles, bundlePath, { runsPerProfile = 1 } = {}) {
  const per = profiles.length * runsPerProfile;
  const starts = moduleStarts(bundlePath);
  const bundleUrl = `file://${bundlePath}`;
  const moduleAt = (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = starts.length === 0 ? '(minified bundle)' : '(bundle runtime)';
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = /** @type {{ line: number, module: string }} */ (starts[middle]);
      if (start.line <= line) {
        found = start.module;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  const byModule = new Map();
  const byFunction = new Map();
  const outside = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let totalUs = 0;
  for (const profile of profiles) {
    for (const { node, frame, us } of selfTimedNodes(profile)) {
      totalUs += us;
      if (frame.url !== bundleUrl) {
        add(
          outside,
          frame.url === '' ? frame.functionName || '(native)' : `${frame.functionName || '(top level)'} (${path.basename(frame.url)})`,
          us,
        );
        continue;
      }
      // Split the node's time over the lines it was seen on: esbuild hoists modules' top-level code
      // into one function, so the function alone does not say which module ran.
      /** @type {Array<{ line: number, ticks: number }>} */
      const ticks = node.positionTicks ?? [{ line: frame.lineNumber + 1, ticks: 1 }];
      const allTicks = ticks.reduce((sum, tick) => sum + tick.ticks, 0);
      const fnModule = moduleAt(frame.lineNumber + 1);
      add(byFunction, `${frame.functionName || '(top level)'} (${fnModule})`, us);
      for (const tick of ticks) add(byModule, moduleAt(tick.line), (us * tick.ticks) / allTicks);
    }
  }
  const byPackage = new Map();
  for (const [module, us] of byModule) add(byPackage, packageOf(module), us);
  const top = (map, count) => topEntries(map, count, per);
  const inBundleUs = [...byModule.values()].reduce((sum, us) => sum + us, 0);
  return {
    profiles: profiles.length,
    runsPerProfile,
    totalMs: totalUs / 1000 / per,
    inBundleMs: inBundleUs / 1000 / per,
    packages: top(byPackage, 8),
    modules: top(byModule, 8),
    functions: top(byFunction, 8),
    outside: top(outside, 6),
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map's mappings as, per generated line, sorted [column, source] pairs; `lookup(line, column)`
 * (0-based, as in CPU profiles) gives the source file relative to the repository and its 1-based line.
 * @param {string} mapPath
 */
export function loadSourceMap(mapPath) {
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const sources = /** @type {string[]} */ (map.sources).map((source) => path.relative(root, path.resolve(path.dirname(mapPath), source)));
  /** @type {number[][][]} */
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const lineText of /** @type {string} */ (map.mappings).split(';')) {
    /** @type {number[][]} */
    const segments = [];
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        sourceLine += values[2] ?? 0;
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return {
    /** @param {number} line @param {number} column */
    lookup(line, column) {
      const segments = lines[line] ?? [];
      let low = 0;
      let high = segments.length - 1;
      let found;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const segment = /** @type {number[]} */ (segments[middle]);
        if ((segment[0] ?? 0) <= column) {
          found = segment;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found ? { file: sources[found[1] ?? 0] ?? '?', line: (found[2] ?? 0) + 1 } : undefined;
    },
  };
}

/**
 * For profiles of code running inside a function (a request, not module loading): each sample in the
 * minified bundles is charged to the source file its function starts in, through their source maps.
 * Everything else by script (VS Code's extension host, Node) or by V8's pseudo-frames: (idle) is time
 * spent waiting, for the workbench or another process.
 * With `windows` (profile clock, µs), only the samples inside them count: one window per request.
 * @param {any[]} profiles
 * @param {string | string[]} bundlePaths
 * @param {{ runsPerProfile?: number, windows?: Array<{ from: number, to: number }> }} [options]
 */
export function attributeBySourceMap(profiles, bundlePaths, { runsPerProfile = 1, windows } = {}) {
  /** @type {Map<string, ReturnType<typeof loadSourceMap>>} */
  const sourceMaps = new Map([bundlePaths].flat().map((bundle) => [`file://${bundle}`, loadSourceMap(`${bundle}.map`)]));
  const per = profiles.length * runsPerProfile;
  const byPackage = new Map();
  const byFunction = new Map();
  const outside = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let totalUs = 0;
  let inBundleUs = 0;
  for (const profile of profiles) {
    for (const { frame, us } of selfTimedNodes(profile, windows)) {
      totalUs += us;
      const sourceMap = sourceMaps.get(frame.url);
      if (sourceMap === undefined) {
        add(outside, frame.url === '' ? frame.functionName || '(native)' : path.basename(frame.url.replace(/\?.*$/, '')), us);
        continue;
      }
      inBundleUs += us;
      const where = sourceMap.lookup(frame.lineNumber, frame.columnNumber);
      add(byPackage, packageOf(where?.file ?? '(unmapped)'), us);
      add(byFunction, `${where?.file ?? '?'}:${where?.line ?? '?'}`, us);
    }
  }
  const top = (map, count) => topEntries(map, count, per);
  return {
    profiles: profiles.length,
    runsPerProfile,
    totalMs: totalUs / 1000 / per,
    inBundleMs: inBundleUs / 1000 / per,
    packages: top(byPackage, 8),
    modules: [],
    functions: top(byFunction, 8),
    outside: top(outside, 8),
  };
}

/**
 * Starts the V8 profiler in this process; `stop()` writes the profile to `file`. For children that
 * profile only their timed section (env ARCHITECT_BENCH_PROFILE).
 * @param {string} file
 * @param {number} [intervalUs]
 */
export async function startProfiling(file, intervalUs = 50) {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = /** @type {any} */ (await session.post('Profiler.stop'));
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
