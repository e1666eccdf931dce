import * as fs from 'fs';
import * as path from 'path';

/** The Architect log channel's file in this run's user-data folder (the runner sets ARCHITECT_TEST_WORK). */
export function architectLogText(): string {
  const work = process.env['ARCHITECT_TEST_WORK'];
  if (!work) throw new Error('ARCHITECT_TEST_WORK is not set: run the suite through test/runtime/run-integration.mjs');
  const logs = path.join(work, 'user-data', 'logs');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'Architect.log') found.push(full);
    }
  };
  if (fs.existsSync(logs)) walk(logs);
  return found.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}
