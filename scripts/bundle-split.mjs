// @ts-check
// The two bundles of scripts/build.mjs, read from esbuild's metafile: their sizes, and the check that
// keeps the split honest. A module in both bundles runs twice, with two copies of whatever it keeps at
// module level (a cache, a pending choice, a class for `instanceof`), so only modules known to keep
// nothing may be in both; and what activation loads must carry no library.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Modules both bundles may carry: they hold no state and define no class the other side checks. */
export const SHARED_STATELESS = new Set([
  'src/core/i18n.ts',
  'src/core/settings/settingsSchema.ts',
  'src/core/findings/ignoreFilePath.ts',
  'src/core/tools/toolNames.ts',
  'src/core/agent/reviewSubject.ts',
  'src/common/l10n.ts',
  'src/common/settings.ts',
  'src/common/findings/findingLines.ts',
  'src/core/findings/findingQuery.ts',
  'src/core/prompt/fence.ts',
  'src/core/findings/fingerprint.ts',
  'src/core/findings/shownLines.ts',
]);

/**
 * What would make a module unsafe to load twice: module-level variables, classes, and constants made
 * by a call or `new` (a Map, a `lazy(...)` cache). Constants written as literals are fine.
 */
const MODULE_STATE = /^(?:export )?(?:(?:let|var|class|abstract class) |const [\w$]+(?:: [^=]+)? = (?:new\b|[\w$.]+\())/m;

/** @param {string} source a module's TypeScript */
export function declaresModuleState(source) {
  return MODULE_STATE.test(source);
}

/** @param {import('esbuild').Metafile} metafile */
function outputsOf(metafile) {
  const byName = (name) => {
    const entry = Object.entries(metafile.outputs).find(([file]) => path.basename(file) === `${name}.js`);
    if (!entry) throw new Error(`esbuild metafile has no ${name}.js output`);
    return entry[1];
  };
  return { extension: byName('extension'), engine: byName('engine') };
}

/**
 * Runs the check at the end of every build that uses the extension's options (the build, the test
 * build, packaging, `npm start`), so a broken split fails there and not in a user's window.
 * @param {string} root
 * @returns {import('esbuild').Plugin}
 */
export function checkBundleSplit(root) {
  return {
    name: 'check-bundle-split',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile || result.errors.length > 0) return undefined;
        return { errors: splitProblems(result.metafile, root).map((text) => ({ text })) };
      });
    },
  };
}

/** @param {import('esbuild').Metafile} metafile */
export function bundleSizes(metafile) {
  const { extension, engine } = outputsOf(metafile);
  return { extension: extension.bytes, engine: engine.bytes };
}

/**
 * Problems with the split, as lines a person can act on; empty when it is sound.
 * @param {import('esbuild').Metafile} metafile
 */
export function splitProblems(metafile, root = process.cwd()) {
  const { extension, engine } = outputsOf(metafile);
  const loaded = Object.keys(extension.inputs);
  const problems = [];
  for (const file of loaded) {
    if (file.includes('node_modules/')) problems.push(`${file} is in dist/extension.js: libraries belong to the engine`);
    else if (file in engine.inputs && file.startsWith('src/') && !SHARED_STATELESS.has(file))
      problems.push(`${file} is in both bundles: import it from one side only, or add it to SHARED_STATELESS if it keeps no state`);
  }
  for (const file of SHARED_STATELESS)
    if (declaresModuleState(readFileSync(path.join(root, file), 'utf8')))
      problems.push(`${file} is in SHARED_STATELESS but declares a module-level variable or class`);
  return problems;
}
