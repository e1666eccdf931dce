import * as fs from 'fs';
import * as path from 'path';
import { eventually } from './fake';

let counter = 0;

/**
 * Asks the test runner, which drives the browser the workbench runs in, to do what only a user can:
 * click a button of the real UI, press a key, take a screenshot. Resolves once it is done.
 */
export async function runnerRequest(request: Record<string, unknown>, timeoutMs = 30_000): Promise<void> {
  const work = process.env['ARCHITECT_TEST_WORK'];
  if (!work) throw new Error('ARCHITECT_TEST_WORK is not set: run the suite through test/runtime/run-integration.mjs');
  const done = path.join(work, 'tmp', `runner-request-${process.pid}-${++counter}.done`);
  console.log(`@@architect-runner ${JSON.stringify({ ...request, done })}`);
  await eventually(() => fs.existsSync(done) || fs.existsSync(`${done}.failed`), timeoutMs, `the runner to ${String(request['action'])}`);
  if (fs.existsSync(`${done}.failed`))
    throw new Error(`the runner could not ${String(request['action'])}: ${fs.readFileSync(`${done}.failed`, 'utf8')}`);
}

export function clickButton(name: string): Promise<void> {
  return runnerRequest({ action: 'click', role: 'button', name });
}

/** A left or right click on an element of the real UI found by its accessible role and name. */
export function clickRole(role: string, name: string, button: 'left' | 'right' = 'left'): Promise<void> {
  return runnerRequest({ action: 'click', role, name, button });
}
