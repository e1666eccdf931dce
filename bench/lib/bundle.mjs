// @ts-check
// esbuild bundles for the benchmark, all under out/bench/. The core bundle uses the extension's own
// plugins (scripts/build.mjs) and is minified, as in the production build.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { bundlePlugins } from '../../scripts/build.mjs';
import { benchOut, root } from './paths.mjs';

export const coreBundle = path.join(benchOut, 'core.cjs');
/** The same, unminified: only for reading a --cpu-prof when a target is missed. */
export const coreBundleReadable = path.join(benchOut, 'core-readable.cjs');

/** The same, with @secretlint/profiler replaced by a no-op: the fix the drift measurement suggests. */
export const coreBundleNoProfiler = path.join(benchOut, 'core-no-profiler.cjs');

/**
 * An experiment, unless scripts/build.mjs already does the same: @secretlint/core records performance marks for every rule of every
 * scan through @secretlint/profiler, whose observer keeps them all and scans them all again on each new
 * mark. This stand-in does nothing, as a `stubDebug`-like plugin in scripts/build.mjs would.
 * @type {esbuild.Plugin}
 */
const stubSecretlintProfiler = {
  name: 'stub-secretlint-profiler',
  setup(build) {
    build.onResolve({ filter: /^@secretlint\/profiler$/ }, () => ({ path: 'profiler', namespace: 'stub-secretlint-profiler' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-secretlint-profiler' }, () => ({
      contents:
        'export const secretLintProfiler = { mark() {}, getEntries: async () => [], getMeasures: async () => [] }; export class SecretLintProfiler {}',
      loader: 'js',
    }));
  },
};

/** Whether the extension's own build already leaves @secretlint/profiler out. */
export const buildStubsProfiler = bundlePlugins.some((plugin) => plugin.name === 'stub-secretlint-profiler');

/** @param {{ readable?: boolean, withoutProfiler?: boolean }} [options] */
export async function buildCore({ readable = false, withoutProfiler = false } = {}) {
  const outfile = readable ? coreBundleReadable : withoutProfiler ? coreBundleNoProfiler : coreBundle;
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'bench', 'prompt', 'core-entry.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: !readable,
    sourcemap: false,
    logLevel: 'warning',
    plugins: withoutProfiler && !buildStubsProfiler ? [...bundlePlugins, stubSecretlintProfiler] : bundlePlugins,
  });
  return outfile;
}
