/**
 * The suite entry VS Code's extension host loads (the @vscode/test-electron contract): `run()` resolves
 * when every test passed and rejects otherwise. Each suite folder gets its own copy of this file.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const grep = process.env['ARCHITECT_TEST_GREP'];
  const invert = process.env['ARCHITECT_TEST_GREP_INVERT'] === '1';
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec', ...(grep ? { grep, invert } : {}) });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The runner reads this line for its summary.
      console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
