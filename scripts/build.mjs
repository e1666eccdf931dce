// Bundles the extension into two CommonJS files: dist/extension.js, what activation loads (it
// registers and watches), and dist/engine.js, the work behind it, which extension.js requires on first
// use (src/activation/engineLink/loadEngine.ts).
//   node scripts/build.mjs               development: readable, inline sourcemap
//   node scripts/build.mjs --production  packaging: minified, external sourcemap (not shipped)
//   node scripts/build.mjs --watch       development, rebuilt on change
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundleSizes, checkBundleSplit } from './bundle-split.mjs';
import {
  lazyStructuredSource,
  trimGrayMatter,
  trimJsoncParser,
  trimJsYamlLoader,
  trimSecretlintCore,
  trimSecretlintPreset,
} from './trim-dependencies.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * secretlint logs through `debug`, which is never enabled inside the extension host; a no-op stands in.
 * @type {esbuild.Plugin}
 */
const stubDebug = {
  name: 'stub-debug',
  setup(build) {
    build.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'stub-debug' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-debug' }, () => ({
      contents: 'const noop = () => {}; noop.enabled = false; noop.extend = () => noop; module.exports = () => noop;',
      loader: 'js',
    }));
  },
};

/**
 * secretlint's profiler records a performance mark per rule per scan, keeps every entry forever and
 * searches them linearly for each new one: harmless in a CLI, a growing leak in an extension host that
 * scans on every request. Nothing reads the profile, so a no-op stands in.
 * @type {esbuild.Plugin}
 */
const stubSecretlintProfiler = {
  name: 'stub-secretlint-profiler',
  setup(build) {
    build.onResolve({ filter: /^@secretlint\/profiler$/ }, () => ({ path: 'profiler', namespace: 'stub-secretlint-profiler' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-secretlint-profiler' }, () => ({
      contents: [
        'export class SecretLintProfiler { mark() {} async getEntries() { return []; } async getMeasures() { return []; } }',
        'export const secretLintProfiler = new SecretLintProfiler();',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * gray-matter's engines are YAML (loader and dumper), JSON and JavaScript, the last one by `eval`. We
 * only ever parse YAML front matter (personaParse also refuses other languages itself), so the bundle
 * gets a parse-only YAML engine: no `eval` anywhere in the extension, and no YAML dumper.
 * @type {esbuild.Plugin}
 */
const yamlOnlyGrayMatter = {
  name: 'yaml-only-gray-matter',
  setup(build) {
    build.onLoad({ filter: /gray-matter[\\/]lib[\\/]engines\.js$/ }, () => ({
      contents: [
        "const { safeLoad } = require('js-yaml/lib/js-yaml/loader.js');",
        "const refuse = () => { throw new Error('this front matter language is not supported'); };",
        'module.exports = { yaml: { parse: safeLoad, stringify: refuse }, json: { parse: JSON.parse, stringify: refuse } };',
      ].join('\n'),
      loader: 'js',
      resolveDir: build.initialOptions.absWorkingDir ?? process.cwd(),
    }));
    // The loader's default schemas are "full" (JavaScript types, which try to load esprima; used only by
    // load()) and "safe" (what safeLoad() reads with). Front matter is settings, so both become YAML's core
    // schema: strings, numbers, booleans, null, lists and maps. A date stays the text it is, and the
    // extra types of the safe schema (timestamps, `<<` merge keys, !!binary, !!omap, !!pairs, !!set) are
    // no longer interpreted or shipped.
    build.onResolve({ filter: /^\.\/schema\/default_(?:full|safe)$/ }, (args) =>
      /js-yaml[\\/]lib[\\/]js-yaml$/.test(args.resolveDir) ? { path: path.join(args.resolveDir, 'schema', 'core.js') } : undefined,
    );
  },
};

/**
 * `import * as vscode from 'vscode'` makes esbuild copy every property of the API object into a new
 * namespace object, once per importing module (15 copies, ~2.5 ms at load). The shim hands esbuild an
 * object marked as an ES module whose prototype is the API, so each "copy" is one property.
 * @type {esbuild.Plugin}
 */
const vscodeShim = {
  name: 'vscode-shim',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-shim' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-shim' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-shim' }, () => ({
      contents: "module.exports = Object.assign(Object.create(require('vscode')), { __esModule: true });",
      loader: 'js',
    }));
  },
};

/**
 * `require('./engine.js')` in the activation bundle stays a run-time require of the file beside it.
 * @type {esbuild.Plugin}
 */
const engineBesideExtension = {
  name: 'engine-beside-extension',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine\.js$/ }, () => ({ path: './engine.js', external: true }));
  },
};

/** Plugins shared with the unit-test and benchmark builds, so they test what ships. */
export const bundlePlugins = [
  trimSecretlintPreset,
  stubDebug,
  stubSecretlintProfiler,
  lazyStructuredSource,
  yamlOnlyGrayMatter,
  trimGrayMatter,
  trimJsoncParser,
  trimJsYamlLoader,
  trimSecretlintCore,
];

/** @type {esbuild.BuildOptions} */
export const extensionBuildOptions = {
  absWorkingDir: root,
  entryPoints: { extension: 'src/extension.ts', engine: 'src/engine/engine.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? 'external' : 'inline',
  sourcesContent: !production,
  legalComments: production ? 'none' : 'inline',
  metafile: true,
  logLevel: 'warning',
  plugins: [engineBesideExtension, checkBundleSplit(root), vscodeShim, ...bundlePlugins],
};

async function main() {
  if (watch) {
    const context = await esbuild.context({ ...extensionBuildOptions, logLevel: 'info' });
    await context.watch();
    console.log('[watch] watching src/ for changes');
    return;
  }
  const result = await esbuild.build(extensionBuildOptions);
  const sizes = bundleSizes(result.metafile);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`built dist/extension.js (${kb(sizes.extension)}) and dist/engine.js (${kb(sizes.engine)})${production ? ', minified' : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
