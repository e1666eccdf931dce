import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type ExportedFinding, sarifPathOf, toSarif } from '../../../src/core/findings/sarif';
import { sarifSchemaValidator } from '../../support/sarifValidator';
import { repoRoot } from '../support/helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the log is walked as the JSON it is */

const BASE = 'file:///work/repo/';

function finding(path: string, more: Partial<ExportedFinding> = {}): ExportedFinding {
  return { uriBaseId: 'SRCROOT', path, line: 1, endLine: 1, severity: 'high', title: 'Title', fingerprint: '0123456789abcdef', ...more };
}

function logOf(findings: readonly ExportedFinding[]): any {
  return toSarif({ version: '0.1.0', folders: [{ uriBaseId: 'SRCROOT', name: 'repo' }], findings });
}

/** Where a consumer lands: the URI resolved under the base, also after decoding it once or twice more. */
function staysInside(uri: string): boolean {
  let current = uri;
  for (let round = 0; round < 3; round++) {
    const resolved = new URL(current, BASE).href;
    if (!resolved.startsWith(BASE)) return false;
    // A consumer that decodes and resolves again, with backslashes read as separators.
    let decoded: string;
    try {
      decoded = decodeURIComponent(current).replace(/\\/g, '/');
    } catch {
      return true;
    }
    const again = new URL(decoded.replace(/%/g, '%25').replace(/\?/g, '%3F').replace(/#/g, '%23'), BASE).href;
    if (!again.startsWith(BASE)) return false;
    if (decoded === current) return true;
    current = decoded;
  }
  return true;
}

describe('SARIF export of hostile findings', () => {
  const validate = sarifSchemaValidator(repoRoot);

  test('R51 a Linux name of backslashes and dots, or %2e%2e, is left out with a note; other findings stay', () => {
    const log = logOf([
      finding('src/a\\..\\..\\..\\etc\\passwd'),
      finding('src/%2e%2e/%2e%2e/etc/passwd'),
      finding('src/%252e%252e/x'),
      finding('src/．．/x'),
      finding('src/ok.ts'),
    ]);
    assert.deepEqual(validate(log), []);
    const run = log.runs[0];
    assert.deepEqual(
      run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri),
      ['src/ok.ts'],
    );
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^4 finding\(s\) left out/);
  });

  test('R51 every artifactLocation.uri stays inside SRCROOT, whatever the path is made of', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%252e%252e', '..%2f..', '..%5c..', '．．', '.. ', '', 'C:', '~', '%', '%zz'),
      fc.stringMatching(/^[a-z.%\\ #?]{1,6}$/),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), fc.constantFrom('/', '\\'), fc.boolean(), (parts, separator, lead) => {
        const path = (lead ? separator : '') + parts.join(separator);
        const uri = sarifPathOf(path);
        if (uri === undefined) return;
        assert.ok(staysInside(uri), `${JSON.stringify(path)} -> ${uri}`);
        const log = logOf([finding(path)]);
        assert.deepEqual(validate(log), []);
      }),
      { numRuns: 400 },
    );
  });

  test('R51 markdown and HTML in a message stay plain text: no link, image or tag can form', () => {
    const log = logOf([
      finding('src/ok.ts', {
        title: 'See [the fix](https://evil.example/x) ![img](https://evil.example/i.png)',
        detail: '<img src=x onerror=alert(1)> <!-- hidden --> <https://evil.example> a\\[b] and List<String> x < y',
        fix: 'Use `[1](0)` \u202Eevil',
      }),
    ]);
    assert.deepEqual(validate(log), []);
    const text: string = log.runs[0].results[0].message.text;
    assert.ok(!/(^|[^\\])\[/.test(text) && !/(^|[^\\])\]/.test(text), text);
    assert.ok(!/<[A-Za-z/!?]/.test(text), text);
    assert.ok(!text.includes('\u202E'), 'a bidi control is revealed, not kept');
    assert.match(text, /List‹String> x < y/);
    assert.match(log.runs[0].tool.driver.rules[0].shortDescription.text, /^Architect review finding$/);
  });
});
