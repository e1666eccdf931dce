// @ts-check
// Part 2: what loading Architect costs. The production bundles' size (both files, raw and gzip), their
// biggest inputs from esbuild's metafile, and the time to `require` dist/extension.js and run
// activate() in fresh processes, next to an extension that does nothing (the floor); then, in the same
// processes, what the first request adds by loading dist/engine.js.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildArchitect, readableBundle } from '../lib/architect.mjs';
import { benchOut, root } from '../lib/paths.mjs';
import { attribute, packageOf } from '../lib/profile.mjs';
import { summarize } from '../lib/stats.mjs';

const child = path.join(root, 'bench', 'module', 'activate-child.mjs');

/** The biggest inputs of both bundles together, by what they add to them (esbuild's bytesInOutput). */
function breakdown(metafile) {
  const outputs = Object.values(metafile.outputs).filter((candidate) => candidate.entryPoint);
  if (outputs.length === 0) throw new Error('esbuild metafile has no entry output');
  /** @type {Map<string, number>} */
  const byFile = new Map();
  for (const output of outputs)
    for (const [file, info] of Object.entries(output.inputs)) byFile.set(file, (byFile.get(file) ?? 0) + info.bytesInOutput);
  const inputs = [...byFile].map(([file, bytes]) => ({ file, bytes }));
  const packages = new Map();
  for (const input of inputs) packages.set(packageOf(input.file), (packages.get(packageOf(input.file)) ?? 0) + input.bytes);
  return {
    topInputs: inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 10),
    packages: [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** One fresh process: require + activate; with `profile`, its CPU profile is written there. */
function coldStart(file, profile) {
  const env = profile ? { ...process.env, ARCHITECT_BENCH_PROFILE: profile } : process.env;
  const output = execFileSync(process.execPath, [child, file, root], { cwd: root, encoding: 'utf8', env });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

/**
 * @param {{ quick?: boolean, log: (line: string) => void }} options
 */
export async function measureModule({ quick = false, log }) {
  const built = await buildArchitect();
  const raw = built.bytes;
  // Timed from a folder outside the repository, like an installed extension: js-yaml tries
  // `require('esprima')` at load, which finds the repository's node_modules but nothing once installed.
  const away = mkdtempSync(path.join(os.tmpdir(), 'architect-bench-module-'));
  const dist = path.join(away, 'extension.js');
  const readable = path.join(away, 'readable', 'extension.js');
  copyFileSync(built.bundle, dist);
  copyFileSync(built.engine, path.join(away, 'engine.js'));
  mkdirSync(path.dirname(readable));
  copyFileSync(readableBundle, readable);
  copyFileSync(path.join(path.dirname(readableBundle), 'engine.js'), path.join(path.dirname(readable), 'engine.js'));
  const gzipOf = (file) => zlib.gzipSync(readFileSync(file), { level: 9 }).length;
  const gzip = gzipOf(dist) + gzipOf(built.engine);
  const bundle = breakdown(built.metafile);
  log(
    `module: dist/extension.js ${(built.activationBytes / 1024).toFixed(1)} KB + dist/engine.js ${(built.engineBytes / 1024).toFixed(1)} KB = ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB${built.distMatches ? '' : ` (dist/ on disk holds ${built.distBytes} bytes: rebuilt by something else meanwhile?)`}`,
  );

  mkdirSync(benchOut, { recursive: true });
  const empty = path.join(away, 'empty-extension.js');
  writeFileSync(empty, 'exports.activate = function activate() {};\nexports.deactivate = function deactivate() {};\n');

  // Alternate the two so that machine noise (other processes, CPU frequency) hits both alike.
  const runs = quick ? 8 : 25;
  coldStart(dist);
  coldStart(empty);
  const ours = [];
  const floor = [];
  /** @type {Set<string>} */
  const missing = new Set();
  /** @type {Set<string>} */
  const errors = new Set();
  for (let i = 0; i < runs; i++) {
    const result = coldStart(dist);
    ours.push(result);
    result.missing.forEach((/** @type {string} */ name) => missing.add(name));
    result.errors.forEach((/** @type {string} */ error) => errors.add(error));
    floor.push(coldStart(empty));
  }
  const pick = (list, key) => summarize(list.map((item) => item[key]));
  const result = {
    rawBytes: raw,
    activationBytes: built.activationBytes,
    engineBytes: built.engineBytes,
    distMatches: built.distMatches,
    gzipBytes: gzip,
    topInputs: bundle.topInputs,
    yamlDumperBundled: bundle.yamlDumperBundled,
    packages: bundle.packages,
    ours: { require: pick(ours, 'requireMs'), activate: pick(ours, 'activateMs'), total: pick(ours, 'totalMs') },
    /** The first request's extra: require dist/engine.js and create the engine, after activation. */
    engineLoad: pick(ours, 'engineLoadMs'),
    floor: { require: pick(floor, 'requireMs'), activate: pick(floor, 'activateMs'), total: pick(floor, 'totalMs') },
    subscriptions: ours[0]?.subscriptions ?? 0,
    /** How many times the bundle copies the whole `vscode` API object at load (esbuild's __toESM, one per importing module). */
    /** js-yaml's optional `require('esprima')`, which only resolves inside the repository. */
    requiresEsprima: [built.bundle, built.engine].some((file) => readFileSync(file, 'utf8').includes('"esprima"')),
    vscodeNamespaceCopies: [readable, path.join(path.dirname(readable), 'engine.js')]
      .map((file) => (readFileSync(file, 'utf8').match(/__toESM\(require\("vscode"\)\)/g) ?? []).length)
      .reduce((sum, count) => sum + count, 0),
    stubMissing: [...missing],
    errors: [...errors],
    /** @type {ReturnType<typeof attribute> | undefined} */
    profile: undefined,
    /** @type {ReturnType<typeof attribute> | undefined} */
    profileByPackage: undefined,
  };
  log(
    `module: require+activate median ${result.ours.total.median.toFixed(2)} ms (p95 ${result.ours.total.p95.toFixed(2)}), empty extension ${result.floor.total.median.toFixed(2)} ms; engine load on first use ${result.engineLoad.median.toFixed(2)} ms`,
  );
  if (missing.size > 0) log(`module: activate() touched APIs the stand-in lacks: ${[...missing].join(', ')}`);

  // Where the load time goes: the shipped bundle under the profiler (compile vs run vs GC), then its
  // unminified twin, whose lines say which package's top-level code ran.
  if (result.ours.total.p95 > 15 || result.ours.total.median > 3 * result.floor.total.median) {
    const file = path.join(benchOut, 'activate.cpuprofile');
    const profileOf = (bundlePath) =>
      Array.from({ length: quick ? 3 : 8 }, () => {
        coldStart(bundlePath, file);
        return JSON.parse(readFileSync(file, 'utf8'));
      });
    result.profile = attribute(profileOf(dist), dist);
    result.profileByPackage = attribute(profileOf(readable), readable);
  }
  rmSync(away, { recursive: true, force: true });
  return result;
}
