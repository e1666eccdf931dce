// npm run test:electron: the same integration suites through @vscode/test-electron and a downloaded
// desktop VS Code, for machines with internet (on Linux without a display, run under xvfb-run).
// Tests whose title carries [ui] need the browser driver of the offline runner (clicking Workspace
// Trust or a notification's Cancel); they are left out here, and the output says how many.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildForTests, integrationOutDir, suiteNames } from '../../scripts/build-tests.mjs';
import { prepareWorkspace } from './workspaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');
const workRoot = path.join(root, 'out', 'test-work-electron');
const version = process.env.VSCODE_VERSION ?? 'stable';

await buildForTests();
let failed = 0;
for (const name of suiteNames()) {
  if (name === 'vsix') continue; // installing a .vsix is covered by npm test's runner
  const work = path.join(workRoot, name);
  rmSync(work, { recursive: true, force: true });
  const workspace = prepareWorkspace(name, path.join(work, 'ws'));
  const setup = { open: [workspace.file ?? workspace.folder].filter(Boolean), trust: workspace.trust === true };
  const userData = path.join(work, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': setup.trust === true,
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.startupEditor': 'none',
      ...workspace.settings,
    }),
  );
  console.log(`\n== suite ${name} (desktop VS Code ${version}) ==`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: [root, path.join(fixtures, 'fake-lm')],
      extensionTestsPath: path.join(integrationOutDir, name, 'index.js'),
      launchArgs: [
        ...setup.open,
        '--user-data-dir',
        userData,
        '--disable-extensions',
        ...(setup.trust ? [] : ['--disable-workspace-trust']),
      ],
      extensionTestsEnv: {
        ARCHITECT_TEST_WORK: work,
        ARCHITECT_SUITE: name,
        ARCHITECT_TEST_GREP: '\\[ui\\]',
        ARCHITECT_TEST_GREP_INVERT: '1',
      },
    });
  } catch (error) {
    failed++;
    console.error(`suite ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(
  `\ntest:electron: ${failed === 0 ? 'all suites passed' : `${failed} suites failed`} (tests marked [ui] run only in npm test, which drives the browser)`,
);
process.exit(failed === 0 ? 0 : 1);
