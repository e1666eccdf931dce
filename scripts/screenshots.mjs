// npm run screenshots: takes the README's images from the real VS Code runtime (the integration
// runner, headless Chromium) on the examples/ workspace, with the scripted test model answering, and
// writes them to docs/images/.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePlugins } from './build.mjs';
import { buildForTests } from './build-tests.mjs';
import { runSuite } from '../test/runtime/launch.mjs';
import { ensureRuntime } from '../test/runtime/runtime.mjs';
import { gitRepository } from '../test/runtime/workspaces.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, 'out', 'test', 'screenshots');
const images = path.join(root, 'docs', 'images');

await buildForTests();
rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: [
    { in: path.join(root, 'test', 'integration', 'index.ts'), out: 'index' },
    { in: path.join(root, 'test', 'screenshots', 'screenshots.test.ts'), out: 'screenshots.test' },
  ],
  outdir: outDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  plugins: bundlePlugins,
});
const workspace = path.join(root, 'out', 'test-work', 'screenshots-ws');
rmSync(workspace, { recursive: true, force: true });
cpSync(path.join(root, 'examples'), workspace, { recursive: true });
// A Git repository, so that /changes has something to review.
gitRepository(workspace);
mkdirSync(images, { recursive: true });

const result = await runSuite({
  name: 'screenshots',
  // Chromium shows emoji (the findings' severity marks) only with an emoji font.
  runtime: ensureRuntime({ extraPackages: ['fonts-noto-color-emoji'] }),
  workDir: path.join(root, 'out', 'test-work', 'screenshots'),
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(outDir, 'index.js'),
  workspace: { folder: workspace },
  installedExtensions: [{ id: 'architect-tests.fake-lm', version: '0.0.1', path: path.join(root, 'test', 'fixtures', 'fake-lm') }],
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'window.zoomLevel': 0, 'git.enabled': true },
  env: { ARCHITECT_SCREENSHOT_DIR: images },
  timeoutMs: 300_000,
});
console.log(result.exitCode === 0 ? `screenshots written to docs/images/` : `screenshots failed: ${result.reason}`);
process.exit(result.exitCode === 0 ? 0 : 1);
