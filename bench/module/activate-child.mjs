// @ts-check
// One cold start of an extension module in a fresh process: time to `require` it and to run its
// activate() against the vscode stand-in. Prints one JSON line.
//   node bench/module/activate-child.mjs <extension.js> <extensionPath>
//   ARCHITECT_BENCH_PROFILE=<file>   also write a CPU profile of the timed section
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { startProfiling } from '../lib/profile.mjs';
import { createVscodeStub } from './vscode-stub.mjs';

const [file = '', extensionPath = ''] = process.argv.slice(2);
const { vscode, context, missing } = createVscodeStub({ extensionPath });
/** @type {string[]} */
const errors = [];
process.on('unhandledRejection', (reason) => errors.push(`unhandled rejection: ${String(reason)}`));

// `require('vscode')` resolves to the stand-in, set up before the clock starts.
const moduleInternals = /** @type {any} */ (Module);
const load = moduleInternals._load;
moduleInternals._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const require = createRequire(import.meta.url);

// With ARCHITECT_BENCH_PROFILE set, a CPU profile of exactly the timed section (not Node's start-up).
const profileFile = process.env['ARCHITECT_BENCH_PROFILE'];
const profiler = profileFile ? await startProfiling(profileFile) : undefined;

const t0 = performance.now();
const extension = require(file);
const t1 = performance.now();
const activated = extension.activate(context);
if (activated && typeof activated.then === 'function') await activated;
const t2 = performance.now();
await profiler?.stop();

// Let what activate() scheduled run (the persona store's first look), so a stub gap shows up here.
await new Promise((resolve) => setTimeout(resolve, 50));

// What the first request adds: Architect's activation bundle loads dist/engine.js beside it and
// creates the engine once (src/activation/engineLink/loadEngine.ts does the same). The empty extension has none.
const enginePath = path.join(path.dirname(file), 'engine.js');
let engineLoadMs;
if (existsSync(enginePath)) {
  const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {} };
  const t3 = performance.now();
  require(enginePath).createEngine({ context, log, findings: {}, personas: {} });
  engineLoadMs = performance.now() - t3;
}
process.stdout.write(
  `${JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, engineLoadMs, subscriptions: context.subscriptions.length, missing: [...missing], errors })}\n`,
);
process.exit(0);
