// Serves the offline VS Code (code-server) for a browser, set up the way `npm start` sets it up: the
// extension under development on a workspace folder, with the scripted demo model installed unless
// ARCHITECT_DEMO_MODEL=0.
// `npm start` prints the address for a person; the UI tests open the same address in Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, healthy } from './launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The scripted test model, an installed extension beside the one under development. */
export const DEMO_MODEL_EXTENSION = {
  id: 'architect-tests.fake-lm',
  version: '0.0.1',
  path: path.join(root, 'test', 'fixtures', 'fake-lm'),
};

/**
 * Whether `npm start`'s browser runtime gets the scripted demo model: yes, unless ARCHITECT_DEMO_MODEL=0
 * (it has no model provider of its own; desktop VS Code never gets it).
 * @param {Record<string, string | undefined>} env
 */
export function demoModelWanted(env) {
  return env.ARCHITECT_DEMO_MODEL !== '0';
}

/** What the start hint tells a person to type into Quick Open: it picks examples/src/routes/orders.ts, not src/db/orders.ts. */
export const START_FILE_QUERY = 'routes/orders.ts';

/** What a person sees in the chat's model picker once the demo model is there. */
export const DEMO_MODEL_NAME = 'Fake One';

/** A fresh profile's settings, nothing that changes how the chat picks its model. */
const START_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
};

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers, with the address to open.
 * @param {{
 *   runtime: { node24: string, codeServerEntry: string },
 *   workDir: string,
 *   folder: string,
 *   demoModel: boolean,
 *   port?: number,
 *   env?: Record<string, string>,
 *   onExit?: (code: number | null) => void,
 * }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveWorkbench(options) {
  const work = options.workDir;
  for (const dir of ['user-data/User', 'extensions']) mkdirSync(path.join(work, dir), { recursive: true });
  writeFileSync(path.join(work, 'user-data/User/settings.json'), JSON.stringify(START_SETTINGS, null, 2));
  // Rewritten every time, so that a run without the demo model does not keep one installed before.
  const installed = options.demoModel ? [DEMO_MODEL_EXTENSION] : [];
  writeFileSync(
    path.join(work, 'extensions', 'extensions.json'),
    JSON.stringify(
      installed.map((extension) => ({
        identifier: { id: extension.id },
        version: extension.version,
        location: { $mid: 1, path: extension.path, scheme: 'file' },
        metadata: { installedTimestamp: Date.now(), source: 'vsix' },
      })),
    ),
  );
  writeFileSync(path.join(work, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const log = openSync(path.join(work, 'code-server.log'), 'w');
  const server = spawn(
    options.runtime.node24,
    [
      options.runtime.codeServerEntry,
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
    {
      stdio: ['ignore', log, log],
      // The fake model reads ARCHITECT_DEMO_MODEL in the extension host, which inherits this environment.
      env: { ...process.env, ...options.env, ARCHITECT_DEMO_MODEL: options.demoModel ? '1' : '0' },
      // Its own process group, so that stop() ends the extension host and the pty host with it.
      detached: true,
    },
  );
  server.on('exit', (code) => options.onExit?.(code));
  // Whatever ends this process ends the detached server too: a signal handler may never run (an
  // uncaught error, process.exit), but 'exit' always does, and a kill is synchronous.
  const killOnExit = () => {
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-(server.pid ?? 0), 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', killOnExit);
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-(server.pid ?? 0), signal);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
  };
  for (let waited = 0; !(await healthy(port)); waited += 250) {
    if (server.exitCode !== null || waited > 120_000) {
      await stop();
      throw new Error(`code-server did not start; see ${path.join(work, 'code-server.log')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const payload = encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}${root}`]]));
  return { url: `http://${host}/?folder=${encodeURIComponent(options.folder)}&payload=${payload}`, stop };
}

/** The signals that end `npm start`: Ctrl+C, a process manager's stop, a closed terminal. */
export const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * On each of STOP_SIGNALS, stops the server (code-server runs in its own process group, so nothing else
 * would end it) and exits with the signal's usual status.
 * @param {() => Promise<void>} stop
 */
export function stopOnSignals(stop) {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => void stop().finally(() => process.exit(codes[signal])));
  }
}
