// The 'ui' lane of the integration tests: serves the workbench exactly as a plain `npm start` does (a copy
// of examples/ inside a repository, as in a clone; the scripted demo model installed by default, with
// no environment variable set), opens its address in headless Chromium
// and runs test/ui/*.ui.mjs, which drive the page with the keyboard and the mouse like a person. No test
// code runs inside VS Code: what these tests see is what a person sees.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { demoModelWanted, serveWorkbench } from './serve.mjs';
import { gitRepository } from './workspaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const uiTests = path.join(root, 'test', 'ui');

/**
 * @param {{
 *   runtime: { node24: string, codeServerEntry: string, chromium: string },
 *   workDir: string,
 *   grep?: string,
 *   print?: (line: string) => void,
 * }} options
 * @returns {Promise<{ exitCode: number, reason: string, passed: number, failed: number, faults: string[], lines: string[] }>}
 */
export async function runUiSuite(options) {
  const started = Date.now();
  const lines = [];
  const print = (line) => {
    lines.push(line);
    (options.print ?? console.log)(line);
  };
  const say = (message) => print(`[ui +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  const work = options.workDir;
  const folder = path.join(`${work}-ws`, 'examples');
  rmSync(work, { recursive: true, force: true });
  rmSync(`${work}-ws`, { recursive: true, force: true });
  cpSync(path.join(root, 'examples'), folder, { recursive: true });
  // examples/ lies inside the clone's repository when a person runs npm start; here, inside one of its own.
  gitRepository(`${work}-ws`);

  const tests = [];
  for (const file of readdirSync(uiTests).filter((name) => name.endsWith('.ui.mjs'))) {
    const module = await import(pathToFileURL(path.join(uiTests, file)).href);
    tests.push(...module.tests.filter((test) => !options.grep || new RegExp(options.grep).test(test.title)));
  }

  let passed = 0;
  let failed = 0;
  let served;
  let browser;
  let exitCode = 0;
  let reason = 'the ui tests finished';
  try {
    // Its own config, data, cache and temp folders, as the other suites have: lanes run side by side.
    const own = Object.fromEntries(
      ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR'].map((name) => [name, path.join(work, 'env', name)]),
    );
    for (const dir of Object.values(own)) mkdirSync(dir, { recursive: true });
    // The decision a plain `npm start` makes, whatever the environment this run was started in.
    const demoModel = demoModelWanted({ ...process.env, ARCHITECT_DEMO_MODEL: undefined });
    served = await serveWorkbench({ runtime: options.runtime, workDir: work, folder, demoModel, env: own });
    say('code-server up; opening the workbench as a person would');
    browser = await chromium.launch({
      executablePath: options.runtime.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => lines.push(`[pageerror] ${error.message}`));
    await page.goto(served.url, { timeout: 240_000, waitUntil: 'domcontentloaded' });
    // One page for all tests, in order: a later test continues where the previous left the workbench.
    for (const test of tests) {
      try {
        await test.run(page);
        passed++;
        say(`✓ ${test.title}`);
      } catch (error) {
        failed++;
        say(`✗ ${test.title}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        const shot = path.join(work, `failed-${failed}.png`);
        await page.screenshot({ path: shot }).catch(() => undefined);
        say(`  screenshot: ${shot}`);
      }
    }
    say(`${passed} passed, ${failed} failed`);
    if (failed > 0) [exitCode, reason] = [1, 'ui tests failed'];
  } catch (error) {
    [exitCode, reason] = [4, `driver error: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await browser?.close().catch(() => undefined);
    await served?.stop();
  }
  return { exitCode, reason, passed, failed, faults: [], lines };
}
