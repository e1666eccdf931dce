// Unit tests of src/core in plain Node: each test file is bundled with the same esbuild plugins as the
// extension (so the tests exercise what ships), then run by node:test.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundlePlugins } from './build.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceDir = path.join(root, 'test', 'unit');
const outDir = path.join(root, 'out', 'test', 'unit');

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

const filter = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const entries = findTests(sourceDir).filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)));
rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: outDir,
  outbase: sourceDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'fast-check'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: bundlePlugins,
});

const outputs = entries.map((file) => path.join(outDir, path.relative(sourceDir, file)).replace(/\.ts$/, '.js'));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...outputs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
});
process.exit(result.status ?? 1);
