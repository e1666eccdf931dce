// Builds what the integration runs load: the extension (development build, with sourcemaps), the
// fake language-model fixture, and each suite's tests with the shared entry that exports run().
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundlePlugins, extensionBuildOptions } from './build.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const integrationDir = path.join(root, 'test', 'integration');
export const integrationOutDir = path.join(root, 'out', 'test', 'integration');

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: bundlePlugins,
};

/** The suites: one folder of *.test.ts under test/integration per workspace setup. */
export function suiteNames() {
  return readdirSync(integrationDir).filter((name) => statSync(path.join(integrationDir, name)).isDirectory() && name !== 'helpers');
}

export async function buildForTests({ production = false } = {}) {
  await esbuild.build({
    ...extensionBuildOptions,
    ...(production ? { minify: true, sourcemap: 'external' } : { minify: false, sourcemap: 'inline' }),
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'test', 'fixtures', 'fake-lm', 'src', 'extension.ts')],
    outfile: path.join(root, 'test', 'fixtures', 'fake-lm', 'dist', 'extension.js'),
    external: ['vscode'],
  });
  rmSync(integrationOutDir, { recursive: true, force: true });
  for (const suite of suiteNames()) {
    const tests = readdirSync(path.join(integrationDir, suite)).filter((name) => name.endsWith('.test.ts'));
    await esbuild.build({
      ...common,
      entryPoints: [
        { in: path.join(integrationDir, 'index.ts'), out: 'index' },
        ...tests.map((name) => ({ in: path.join(integrationDir, suite, name), out: name.replace(/\.ts$/, '') })),
      ],
      outdir: path.join(integrationOutDir, suite),
      external: ['vscode', 'mocha'],
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildForTests({ production: process.argv.includes('--production') });
  console.log('built the extension, the fixtures and the integration suites');
}
