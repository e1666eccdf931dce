// npm run test:electron: the same integration suites through @vscode/test-electron and a downloaded
// desktop VS Code, for machines with internet (on Linux without a display, run under xvfb-run).
// Tests whose title carries [ui] need the browser driver of the offline runner (clicking Workspace
// Trust or a notification's Cancel); they are left out here, and the output says how many.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildForTests, integrationOutDir, suiteNames } from '../../scripts/build-tests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');
const workRoot = path.join(root, 'out', 'test-work-electron');
const version = process.env.VSCODE_VERSION ?? 'stable';

function copy(name, destination) {
  mkdirSync(destination, { recursive: true });
  cpSync(path.join(fixtures, 'workspaces', name), destination, { recursive: true });
  return destination;
}

const SETUPS = {
  main: (ws) => ({ open: [copy('api-service', ws)] }),
  'multi-root': (ws) => {
    copy('api-service', path.join(ws, 'alpha'));
    copy('billing-service', path.join(ws, 'beta'));
    const file = path.join(ws, 'services.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }] }));
    return { open: [file] };
  },
  'no-folder': () => ({ open: [] }),
  untrusted: (ws) => {
    const folder = copy('api-service', ws);
    mkdirSync(path.join(folder, '.github', 'architect'), { recursive: true });
    writeFileSync(path.join(folder, '.github', 'architect', 'team.md'), '---\nname: Team\ndescription: Workspace persona\n---\nWORKSPACE-PERSONA rules.\n');
    mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'architect.persona': 'team', 'architect.redactSecrets': false, 'architect.exclude': [] }));
    return { open: [folder], trust: true };
  },
};

await buildForTests();
let failed = 0;
for (const name of suiteNames()) {
  const work = path.join(workRoot, name);
  rmSync(work, { recursive: true, force: true });
  const setup = SETUPS[name](path.join(work, 'ws'));
  const userData = path.join(work, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': setup.trust === true, 'security.workspace.trust.startupPrompt': 'never', 'workbench.startupEditor': 'none' }),
  );
  console.log(`\n== suite ${name} (desktop VS Code ${version}) ==`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: [root, path.join(fixtures, 'fake-lm')],
      extensionTestsPath: path.join(integrationOutDir, name, 'index.js'),
      launchArgs: [...setup.open, '--user-data-dir', userData, '--disable-extensions', ...(setup.trust ? [] : ['--disable-workspace-trust'])],
      extensionTestsEnv: { ARCHITECT_TEST_WORK: work, ARCHITECT_SUITE: name, ARCHITECT_TEST_GREP: '\\[ui\\]', ARCHITECT_TEST_GREP_INVERT: '1' },
    });
  } catch (error) {
    failed++;
    console.error(`suite ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`\ntest:electron: ${failed === 0 ? 'all suites passed' : `${failed} suites failed`} (tests marked [ui] run only in npm test, which drives the browser)`);
process.exit(failed === 0 ? 0 : 1);
