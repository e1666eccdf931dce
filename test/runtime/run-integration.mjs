// npm run test:integration: builds the extension, its fixtures and suites, installs the VS Code runtime
// when missing, and runs each suite in a real extension host with its own workspace setup.
//   ARCHITECT_SUITES=main,no-folder   run only these suites
//   ARCHITECT_TEST_GREP=R17           run only matching tests
//   VERBOSE=1                         print every line of the extension host
// The 'ui' suite (test/runtime/ui.mjs) types the first run as a person does, in the `npm start` setup,
// with no test code inside VS Code; it runs with the others, and alone with `npm run test:ui`.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionBuildOptions } from '../../scripts/build.mjs';
import { buildForTests, integrationOutDir, suiteNames } from '../../scripts/build-tests.mjs';
import { runSuite } from './launch.mjs';
import { ensureRuntime } from './runtime.mjs';
import { runUiSuite } from './ui.mjs';
import { prepareWorkspace } from './workspaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');
const workRoot = path.join(root, 'out', 'test-work');
const fakeLm = { id: 'architect-tests.fake-lm', version: '0.0.1', path: path.join(fixtures, 'fake-lm') };

/**
 * The .vsix as `npm run package` makes it, but staged under out/ so that packaging never rewrites the
 * dist/ that other suites are running.
 */
async function packageVsix() {
  const stage = path.join(root, 'out', 'vsix-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const item of [
    'package.json',
    'package.nls.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    '.vscodeignore',
    'personas',
    'media',
    'l10n',
  ]) {
    cpSync(path.join(root, item), path.join(stage, item), { recursive: true });
  }
  await esbuild.build({ ...extensionBuildOptions, minify: true, sourcemap: false, outdir: path.join(stage, 'dist') });
  const out = path.join(root, 'out', 'architect-chat-test.vsix');
  const vsce = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out],
    { cwd: stage, encoding: 'utf8' },
  );
  if (vsce.status !== 0) throw new Error(`packaging the .vsix failed: ${vsce.stderr || vsce.stdout}`);
  return out;
}

export async function runIntegration({ suites: wanted } = {}) {
  const started = Date.now();
  await buildForTests();
  const runtime = ensureRuntime();
  const only = process.argv.includes('--ui') ? ['ui'] : (process.env.ARCHITECT_SUITES ?? '').split(',').filter(Boolean);
  const all = [...suiteNames(), 'ui'];
  const suites = (wanted ?? all).filter((name) => only.length === 0 || only.includes(name));
  // Two lanes: the long main suite beside the short ones. Output is held per suite and printed whole.
  const lanes = Math.max(1, Number(process.env.ARCHITECT_PARALLEL ?? 2));
  const queue = [...suites].sort((a, b) => Number(b === 'main') - Number(a === 'main'));
  const results = [];
  const runOne = async (name) => {
    const workDir = path.join(workRoot, name);
    if (name === 'ui') {
      const output = [];
      const result = await runUiSuite({
        runtime,
        workDir,
        grep: process.env.ARCHITECT_TEST_GREP,
        print: lanes > 1 ? (line) => output.push(line) : undefined,
      });
      if (output.length > 0) console.log(`\n---- suite ui ----\n${output.join('\n')}`);
      results.push({ name, ...result });
      return;
    }
    // Every run starts from the fixture as committed: tests write files into their workspace.
    const { folder, file, trust, vsix, settings } = prepareWorkspace(name, `${workDir}-ws`);
    const workspace = { ...(folder ? { folder } : {}), ...(file ? { file } : {}) };
    const installVsix = vsix ? await packageVsix() : undefined;
    const output = [];
    const result = await runSuite({
      name,
      runtime,
      workDir,
      // From a .vsix, the product is installed and the fixture is the one development extension.
      extensionDevelopmentPath: installVsix ? fakeLm.path : root,
      extensionTestsPath: path.join(integrationOutDir, name, 'index.js'),
      workspace,
      trust,
      ...(settings ? { settings } : {}),
      installedExtensions: installVsix ? [] : [fakeLm],
      installVsix,
      timeoutMs: Number(process.env.ARCHITECT_SUITE_TIMEOUT_MS ?? 900_000),
      env: { ARCHITECT_SUITE: name, ...(installVsix ? { ARCHITECT_FROM_VSIX: '1' } : {}) },
      verbose: process.env.VERBOSE === '1',
      print: lanes > 1 ? (line) => output.push(line) : undefined,
    });
    if (output.length > 0) console.log(`\n---- suite ${name} ----\n${output.join('\n')}`);
    results.push({ name, ...result });
  };
  await Promise.all(
    Array.from({ length: Math.min(lanes, queue.length) }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) await runOne(name);
    }),
  );
  results.sort((a, b) => suites.indexOf(a.name) - suites.indexOf(b.name));

  console.log('\n== integration summary (real VS Code extension host) ==');
  let passed = 0;
  let failed = 0;
  let ok = true;
  for (const result of results) {
    passed += result.passed;
    failed += result.failed;
    const healthy = result.exitCode === 0 && result.failed === 0 && result.passed > 0 && result.faults.length === 0;
    ok &&= healthy;
    console.log(`suite ${result.name}: ${result.passed} passed, ${result.failed} failed, exit ${result.exitCode} (${result.reason})`);
    for (const fault of result.faults) console.log(`  fault in suite ${result.name}: ${fault}`);
    if (result.passed === 0 && result.exitCode !== 0) console.log(`  the suite did not run: see out/test-work/${result.name}`);
  }
  console.log(
    `integration tests: ${passed} passed, ${failed} failed in ${suites.length} suites (${((Date.now() - started) / 1000).toFixed(0)}s)`,
  );
  return ok && results.length > 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runIntegration().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(`integration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
