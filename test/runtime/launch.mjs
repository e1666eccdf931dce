// Runs one integration suite inside code-server's real extension host, with the web workbench open in
// headless Chromium (driven by playwright-core). The workbench runs the suite when opened with a
// `payload` of extensionDevelopmentPath and extensionTestsPath, which a built VS Code honours only with
// the smoke-test driver enabled; it reports the result through window.codeAutomationExit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';

/** Lines a test prints to ask the runner for something only the browser side can do. */
const RUNNER_REQUEST = '@@architect-runner ';

/**
 * Signs of a fault that no test asserted on: unhandled rejections, uncaught errors and failed commands.
 * Any of them fails the run, whatever its source: the host runs only our extension, the fixture and
 * VS Code's built-ins, and a normal run has none (a rejection's first line need not name us).
 */
const FAULT_PATTERNS = [
  /rejected promise not handled/i,
  /unhandled(promise)?rejection/i,
  /uncaught (exception|error)/i,
  /Running the contributed command: 'architect\.[^']+' failed/i,
  /command 'architect\.[^']+' resulted in an error/i,
];
const NOISE =
  /No signed-in session|ChatModelSelection|Creating a socket|connection token|open-vsx|AgentHost|grace-time|Service Worker|AccountPolicyGate|builtin extensions cache|No provider registered for vendor/;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * @param {{
 *   name: string,
 *   runtime: { node24: string, codeServerEntry: string, chromium: string },
 *   workDir: string,
 *   extensionDevelopmentPath: string,
 *   extensionTestsPath: string,
 *   workspace?: { folder?: string, file?: string },
 *   installedExtensions?: Array<{ id: string, version: string, path: string }>,
 *   installVsix?: string,
 *   settings?: Record<string, unknown>,
 *   trust?: boolean,
 *   timeoutMs?: number,
 *   env?: Record<string, string>,
 *   verbose?: boolean,
 *   print?: (line: string) => void,
 * }} options
 * @returns {Promise<{ exitCode: number, reason: string, passed: number, failed: number, faults: string[], lines: string[] }>}
 */
export async function runSuite(options) {
  const started = Date.now();
  const work = options.workDir;
  const print = options.print ?? ((line) => console.log(line));
  const say = (message) => print(`[${options.name} +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  rmSync(work, { recursive: true, force: true });
  for (const dir of ['user-data/User', 'extensions', 'xdg/config', 'xdg/data', 'xdg/cache', 'tmp', 'screens'])
    mkdirSync(path.join(work, dir), { recursive: true });

  const trustEnabled = options.trust === true;
  writeFileSync(
    path.join(work, 'user-data/User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': trustEnabled,
        'security.workspace.trust.startupPrompt': 'never',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'git.enabled': false,
        'workbench.tips.enabled': false,
        // Fewer repaints: two suites share two cores with their browsers.
        'workbench.reduceMotion': 'on',
        'editor.cursorBlinking': 'solid',
        'editor.smoothScrolling': false,
        'editor.minimap.enabled': false,
        ...options.settings,
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(work, 'config.yaml'), 'auth: none\ncert: false\n');
  // Only one development extension loads in this runtime, so fixtures go in as installed extensions.
  writeFileSync(
    path.join(work, 'extensions', 'extensions.json'),
    JSON.stringify(
      (options.installedExtensions ?? []).map((extension) => ({
        identifier: { id: extension.id },
        version: extension.version,
        location: { $mid: 1, path: extension.path, scheme: 'file' },
        metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
      })),
    ),
  );

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(work, 'xdg/config'),
    XDG_DATA_HOME: path.join(work, 'xdg/data'),
    XDG_CACHE_HOME: path.join(work, 'xdg/cache'),
    TMPDIR: path.join(work, 'tmp'),
    ARCHITECT_TEST_WORK: work,
    ...options.env,
  };
  const baseArgs = [
    options.runtime.codeServerEntry,
    '--config',
    path.join(work, 'config.yaml'),
    '--user-data-dir',
    path.join(work, 'user-data'),
    '--extensions-dir',
    path.join(work, 'extensions'),
  ];

  if (options.installVsix) {
    say(`installing ${path.basename(options.installVsix)}`);
    const install = spawnSync(options.runtime.node24, [...baseArgs, '--install-extension', options.installVsix], { env, encoding: 'utf8' });
    if (install.status !== 0)
      return {
        exitCode: 4,
        reason: `--install-extension failed: ${install.stderr || install.stdout}`,
        passed: 0,
        failed: 0,
        faults: [],
        lines: [],
      };
  }

  const lines = [];
  const faults = [];
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  let page;
  let finish;
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  let finished = false;
  const end = async (exitCode, reason) => {
    if (finished) return;
    finished = true;
    say(`exit ${exitCode} (${reason})`);
    try {
      if (page && exitCode !== 0) await page.screenshot({ path: path.join(work, 'screens', 'on-exit.png') });
    } catch {
      // the page may be gone already
    }
    try {
      await browser?.close();
    } catch {
      // already closed
    }
    if (server && server.exitCode === null) {
      // code-server starts children (extension host, pty host): end the whole process group.
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // gone
      }
      await new Promise((resolve) => setTimeout(resolve, 800));
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    finish({ exitCode, reason, passed, failed, faults, lines });
  };
  const timer = setTimeout(() => void end(3, `timeout after ${options.timeoutMs ?? 600_000} ms`), options.timeoutMs ?? 600_000);

  const handleLine = async (text) => {
    lines.push(text);
    if (text.startsWith(RUNNER_REQUEST)) {
      await serveRequest(JSON.parse(text.slice(RUNNER_REQUEST.length)), page, say);
      return;
    }
    const summary = /^(\d+) passed, (\d+) failed$/.exec(text.trim());
    if (summary) {
      passed = Number(summary[1]);
      failed = Number(summary[2]);
    }
    if (FAULT_PATTERNS.some((pattern) => pattern.test(text))) faults.push(text.slice(0, 2000));
    if (options.verbose || !NOISE.test(text)) print(text);
  };

  try {
    const port = await freePort();
    server = spawn(
      options.runtime.node24,
      [
        ...baseArgs,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        ...(trustEnabled ? [] : ['--disable-workspace-trust']),
        '--vscode-option',
        'enable-smoke-test-driver',
        '--log',
        process.env['ARCHITECT_VSCODE_LOG'] ?? 'info',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true },
    );
    const serverLog = [];
    server.stdout.on('data', (data) => serverLog.push(String(data)));
    server.stderr.on('data', (data) => serverLog.push(String(data)));
    server.on('exit', (code, signal) => {
      writeFileSync(path.join(work, 'code-server.log'), serverLog.join(''));
      void end(2, `code-server exited (${code ?? signal}); see ${path.join(work, 'code-server.log')}`);
    });
    while (!(await healthy(port))) {
      if (finished) return await done;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    say(`code-server up on 127.0.0.1:${port}`);
    browser = await chromium.launch({
      executablePath: options.runtime.chromium,
      headless: true,
      env,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => lines.push(`[pageerror] ${error.message}`));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      void handleLine(type === 'info' ? text : `[${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', async (code) => {
      await end(code, 'the extension host finished the suite');
    });
    const host = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${host}${options.extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${host}${options.extensionTestsPath}`],
    ];
    const where = options.workspace?.file
      ? `workspace=${encodeURIComponent(options.workspace.file)}`
      : options.workspace?.folder
        ? `folder=${encodeURIComponent(options.workspace.folder)}`
        : 'ew=true';
    say('opening the workbench');
    // The workbench is large and the machine may be busy with another suite: playwright's 30 s default
    // failed the load on a loaded 2-core machine. The suite's own timeout still bounds the run.
    await page.goto(`http://${host}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`, {
      timeout: 180_000,
      waitUntil: 'domcontentloaded',
    });
  } catch (error) {
    void end(4, `driver error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await done;
  clearTimeout(timer);
  return result;
}

/** What a test can ask of the browser side: a screenshot, or a click on the real UI (trust, say). */
async function serveRequest(request, page, say) {
  try {
    if (request.action === 'screenshot') {
      await page.screenshot({ path: request.path, ...(request.clip ? { clip: request.clip } : {}) });
      if (request.done) writeFileSync(request.done, '');
    } else if (request.action === 'click') {
      say(`clicking ${request.role} "${request.name}"`);
      await page
        .getByRole(request.role, { name: new RegExp(request.name) })
        .first()
        .click({ timeout: 15_000, ...(request.button === 'right' ? { button: 'right' } : {}) });
      if (request.done) writeFileSync(request.done, '');
    } else if (request.action === 'press') {
      await page.keyboard.press(request.key);
      if (request.done) writeFileSync(request.done, '');
    }
  } catch (error) {
    say(`runner request failed: ${error instanceof Error ? error.message : String(error)}`);
    if (request.done) writeFileSync(`${request.done}.failed`, String(error));
  }
}
