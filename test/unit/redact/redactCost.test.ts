import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { redactText } from '../../../src/core/redact/findSecrets';

const join = (...parts: string[]) => parts.join('');

/** Lines that start like a secret of each format and stop short of one, in runs that tempt backtracking. */
const NEAR_MISSES = [
  join('AI', 'za', '-'.repeat(30)),
  join('gl', 'pat-', 'gl', 'pat-', 'gl', 'pat-'),
  join('ey', 'J-', 'ey', 'J-', 'ey', 'J.', 'ey', 'Jxx'),
  join('hv', 's.', 'hv', 's.-'),
  join('HR', 'KU-', 'HR', 'KU-'),
  join('-py', 'pi-AgEIcHlwaS5vcmc-'),
  'password password password:= => :',
  '  db.password =      ',
  'machine a login b login c account d',
  'a:1:b:c:',
  '"auth": "short',
  '?sig=abc&sig=&sig=',
  'x://a:b/c:d/e x://a:1/b',
  'twilio 0123456789abcdef0123456789abcde twilio',
  'heroku 01234567-89ab-cdef-0123 heroku',
  join('-----BEGIN ', 'PRIVATE', ' KEY-----'),
  'Private-Lines: 3',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/',
  join('AccountKey=', 'a'.repeat(10)),
  'azure_pat = abcdefghijklmnopqrstuvwxyz2345',
  '\t  \t  \t  ',
].join('\n');

function nearMisses(size: number): string {
  return NEAR_MISSES.repeat(Math.ceil(size / NEAR_MISSES.length)).slice(0, size);
}

/**
 * The least CPU time (microseconds, this process) of a few runs. CPU time, not the clock: on a busy machine
 * the clock also counts the time other processes ran, which made the ratio below swing with the load.
 */
async function leastCpu(text: string, runs: number): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    await redactText(text);
    const spent = process.cpuUsage(started);
    best = Math.min(best, spent.user + spent.system);
  }
  return best;
}

/** Distinct secrets, one a line: every one is found, so the work after the rules is measured too. */
function hits(size: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const digits = String(index).padStart(8, '0');
    const line = `const t${index} = "${join('gh', 'p_', digits.repeat(4), 'abcd')}"; // password: "${digits}x"`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** How many times longer redacting `large` characters takes than a tenth of them. */
async function ratio(make: (size: number) => string, large: number): Promise<number> {
  const small = make(large / 10);
  await redactText(small);
  return (await leastCpu(make(large), 2)) / (await leastCpu(small, 3));
}

describe('R37 redaction cost', () => {
  // Linear work gives a ratio near 10; quadratic work gives 100.
  test('R37 redacting 1 MB of near misses costs about ten times 100 KB of them: linear, not quadratic', async () => {
    const measured = await ratio(nearMisses, 1_000_000);
    assert.ok(measured < 30, `1 MB took ${measured.toFixed(1)} times as long as 100 KB`);
  });

  test('R37 redacting 400 KB full of distinct secrets costs about ten times 40 KB of them', async () => {
    const sample = await redactText(hits(2_000));
    assert.ok(sample.count > 40 && !sample.text.includes(join('gh', 'p_')), 'every line holds secrets that are found');
    const measured = await ratio(hits, 400_000);
    assert.ok(measured < 30, `400 KB took ${measured.toFixed(1)} times as long as 40 KB`);
  });
});
