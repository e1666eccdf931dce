// @ts-check
// The Architect build the benchmark measures: `node scripts/build.mjs --production` as `npm run build`
// runs it, plus a private snapshot in out/bench/architect/ built with the very same options (and the
// manifest, personas and l10n next to it). The end-to-end run loads the snapshot, so a rebuild of
// dist/ by someone else mid-run (a test build is unminified) cannot change what is measured.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { extensionBuildOptions } from '../../scripts/build.mjs';
import { benchOut, root } from './paths.mjs';

export const snapshotDir = path.join(benchOut, 'architect');
export const snapshotBundle = path.join(snapshotDir, 'dist', 'extension.js');
/** The engine bundle, beside it: what activation loads on first use. */
export const snapshotEngine = path.join(snapshotDir, 'dist', 'engine.js');
/** Unminified twins of the two bundles, only for profiles: their lines name the modules. */
export const readableDir = path.join(benchOut, 'architect-readable');
export const readableBundle = path.join(readableDir, 'extension.js');

/** What scripts/build.mjs --production sets on top of the shared options. */
const PRODUCTION = {
  minify: true,
  sourcemap: /** @type {const} */ ('external'),
  sourcesContent: false,
  legalComments: /** @type {const} */ ('none'),
};

export async function buildArchitect() {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const distBytes = statSync(path.join(root, 'dist', 'extension.js')).size + statSync(path.join(root, 'dist', 'engine.js')).size;

  rmSync(snapshotDir, { recursive: true, force: true });
  mkdirSync(snapshotDir, { recursive: true });
  const result = await esbuild.build({ ...extensionBuildOptions, ...PRODUCTION, outdir: path.dirname(snapshotBundle), logLevel: 'error' });
  rmSync(readableDir, { recursive: true, force: true });
  await esbuild.build({
    ...extensionBuildOptions,
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    metafile: false,
    outdir: readableDir,
    logLevel: 'error',
  });
  // What the extension reads at run time besides its bundle.
  for (const name of readdirSync(root)) {
    if (
      name === 'package.json' ||
      /^package\.nls(\..+)?\.json$/.test(name) ||
      ['l10n', 'personas', 'media', 'LICENSE', 'README.md'].includes(name)
    ) {
      cpSync(path.join(root, name), path.join(snapshotDir, name), { recursive: true });
    }
  }
  const activationBytes = statSync(snapshotBundle).size;
  const engineBytes = statSync(snapshotEngine).size;
  return {
    bundle: snapshotBundle,
    engine: snapshotEngine,
    /** Both files: what ships and what runs once the engine is in use. */
    bytes: activationBytes + engineBytes,
    activationBytes,
    engineBytes,
    distBytes,
    distMatches: distBytes === activationBytes + engineBytes,
    metafile: /** @type {esbuild.Metafile} */ (result.metafile),
  };
}
