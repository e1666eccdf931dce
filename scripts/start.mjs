// npm start: builds the extension, then opens a real VS Code with it loaded on examples/:
// desktop `code` when it is installed, otherwise the offline runtime (code-server) served on 127.0.0.1
// for a browser. ARCHITECT_DEMO_MODEL=1 also installs the scripted test model, for trying the flow in
// the offline runtime, which has no model provider of its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { extensionBuildOptions } from './build.mjs';
import { freePort, healthy } from '../test/runtime/launch.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const examples = path.join(root, 'examples');

await esbuild.build(extensionBuildOptions);
console.log('[start] built dist/extension.js (development build, with sourcemaps)');

const hasCode =
  process.env.ARCHITECT_START_RUNTIME !== 'offline' && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log('[start] opening VS Code with Architect loaded on examples/ (pick a model in the chat, then ask @architect)');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true });
  child.unref();
} else {
  await startOffline();
}

async function startOffline() {
  const { ensureRuntime } = await import('../test/runtime/runtime.mjs');
  const runtime = ensureRuntime();
  const work = path.join(root, 'out', 'start');
  for (const dir of ['user-data/User', 'extensions']) mkdirSync(path.join(work, dir), { recursive: true });
  writeFileSync(
    path.join(work, 'user-data/User/settings.json'),
    JSON.stringify(
      { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false },
      null,
      2,
    ),
  );
  const demo = process.env.ARCHITECT_DEMO_MODEL === '1';
  if (demo) {
    const fixture = path.join(root, 'test', 'fixtures', 'fake-lm');
    await esbuild.build({
      entryPoints: [path.join(fixture, 'src', 'extension.ts')],
      outfile: path.join(fixture, 'dist', 'extension.js'),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['vscode'],
      logLevel: 'warning',
    });
    writeFileSync(
      path.join(work, 'extensions', 'extensions.json'),
      JSON.stringify([
        {
          identifier: { id: 'architect-tests.fake-lm' },
          version: '0.0.1',
          location: { $mid: 1, path: fixture, scheme: 'file' },
          metadata: { installedTimestamp: Date.now(), source: 'vsix' },
        },
      ]),
    );
  }
  const port = Number(process.env.PORT) || (await freePort());
  writeFileSync(path.join(work, 'config.yaml'), 'auth: none\ncert: false\n');
  const host = `127.0.0.1:${port}`;
  const payload = encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}${root}`]]));
  const server = spawn(
    runtime.node24,
    [
      runtime.codeServerEntry,
      '--config',
      path.join(work, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      host,
      '--user-data-dir',
      path.join(work, 'user-data'),
      '--extensions-dir',
      path.join(work, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { stdio: 'ignore' },
  );
  process.on('SIGINT', () => {
    server.kill('SIGTERM');
    process.exit(0);
  });
  // The address is worth printing once something answers on it.
  for (let waited = 0; !(await healthy(port)); waited += 250) {
    if (server.exitCode !== null || waited > 60_000) throw new Error('code-server did not start; run again with VERBOSE=1');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log('\n[start] VS Code (offline runtime) with Architect loaded on examples/ is running. Open in your browser:\n');
  console.log(`  http://${host}/?folder=${encodeURIComponent(examples)}&payload=${payload}\n`);
  console.log(
    demo
      ? '[start] The scripted test model "Fake One (tests)" is installed: pick it in the chat. Its answers are canned, not AI.'
      : '[start] This runtime has no language model provider. Use desktop VS Code with GitHub Copilot for real answers,\n' +
          '        or restart with ARCHITECT_DEMO_MODEL=1 npm start to try the flow with the scripted test model.',
  );
  console.log('[start] Press Ctrl+C to stop.');
  await new Promise((resolve) => server.on('exit', resolve));
}
