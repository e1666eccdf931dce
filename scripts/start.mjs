// npm start: builds the extension, then opens a real VS Code with it loaded on examples/:
// desktop `code` when it is installed (with the person's own models), otherwise the offline runtime
// (code-server) served on 127.0.0.1 for a browser. That runtime has no model provider of its own, so it
// gets the scripted demo model by default (canned answers, not AI); ARCHITECT_DEMO_MODEL=0 leaves it out,
// for someone who brings a model extension of their own.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { extensionBuildOptions } from './build.mjs';
import {
  DEMO_MODEL_EXTENSION,
  DEMO_MODEL_NAME,
  START_FILE_QUERY,
  demoModelWanted,
  serveWorkbench,
  stopOnSignals,
} from '../test/runtime/serve.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const examples = path.join(root, 'examples');

// What a person does first; the UI tests (test/ui) do exactly this, and the README's Quick start says
// the same: keep the three in step.
const DEMO_STEPS = [
  `[start] The scripted demo model "${DEMO_MODEL_NAME}" is installed. Its answers are canned, not AI, and say so.`,
  '        (ARCHITECT_DEMO_MODEL=0 npm start leaves it out, for a model extension of your own.)',
  '        1. Wait until the page has loaded (the first start can take a minute).',
  `        2. Ctrl+P, type ${START_FILE_QUERY}, Enter: opens examples/src/routes/orders.ts.`,
  `        3. Ctrl+Alt+I opens the chat; its model picker (below the input) shows "${DEMO_MODEL_NAME}" once the`,
  '           extensions have started. If it still says "Models", wait a few seconds.',
  '        4. Type @architect /review what is wrong here? and press Enter.',
  '        5. Click into line 23, Ctrl+. and choose Apply Architect fix: the line is fixed, its finding goes.',
  '        6. Add a line under line 10, Ctrl+S, and ask @architect /changes is the new limit safe?',
].join('\n');
const NO_MODEL_HINT =
  '[start] ARCHITECT_DEMO_MODEL=0: no model is installed. Install a model extension of your own in this runtime,\n' +
  '        or run plain npm start for the scripted demo model (canned answers, not AI).';

await esbuild.build(extensionBuildOptions);
console.log('[start] built dist/extension.js and dist/engine.js (development build, with sourcemaps)');

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
  const demo = demoModelWanted(process.env);
  if (demo) {
    await esbuild.build({
      entryPoints: [path.join(DEMO_MODEL_EXTENSION.path, 'src', 'extension.ts')],
      outfile: path.join(DEMO_MODEL_EXTENSION.path, 'dist', 'extension.js'),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['vscode'],
      logLevel: 'warning',
    });
  }
  const { url, stop } = await serveWorkbench({
    runtime,
    workDir: path.join(root, 'out', 'start'),
    folder: examples,
    demoModel: demo,
    port: Number(process.env.PORT) || undefined,
    onExit: (code) => {
      console.log(`[start] code-server exited (${code}); its log is out/start/code-server.log`);
      process.exit(code ?? 0);
    },
  });
  stopOnSignals(stop);
  console.log('\n[start] VS Code (offline runtime) with Architect loaded on examples/ is running. Open in your browser:\n');
  console.log(`  ${url}\n`);
  console.log(demo ? DEMO_STEPS : NO_MODEL_HINT);
  console.log('[start] Press Ctrl+C to stop.');
}
