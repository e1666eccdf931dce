import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileResult } from '../../../src/core/tools/toolResults';
import { privateKeyBlocks } from '../../../src/core/redact/keyBlocks';
import { fileSource, numberedLines } from '../support/helpers';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 text of a given length from a fixed seed: key-shaped, but no key at all. */
export function fakeBase64(length: number, seed = 7): string {
  let state = seed;
  let out = '';
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += BASE64[state % 64];
  }
  return out;
}

/** A PEM block the size of an RSA-8192 private key: 96 full lines of 64 characters and a short one. */
export function fakeRsa8192Pem(): string {
  const body = 'MIISKQIBAAKCBAEA' + fakeBase64(96 * 64 + 20 - 16);
  const lines = body.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN RSA ' + 'PRIVATE KEY-----', ...lines, '-----END RSA ' + 'PRIVATE KEY-----'].join('\n');
}

describe('R36 private keys read in pieces', () => {
  test('R36 an RSA-8192-sized key read one line at a time through readFile: no line of it is sent', async () => {
    const pem = fakeRsa8192Pem();
    const keyLines = pem.split('\n');
    assert.equal(keyLines.length, 99);
    assert.ok(pem.length > 6000, 'longer than the 4,096-character scan margin around a window');
    const text = `${numberedLines(20)}\nconst key = \`\n${pem}\n\`;\n${numberedLines(20)}`;
    const source = fileSource('src/keys.ts', text);
    const firstKeyLine = 22;
    const leaked: number[] = [];
    for (let line = firstKeyLine; line < firstKeyLine + keyLines.length; line++) {
      const output = await readFileResult(
        source,
        { path: 'src/keys.ts', startLine: line, endLine: line },
        { exclude: [], redactSecrets: true },
      );
      const keyLine = keyLines[line - firstKeyLine] ?? '';
      const shownLine = output.text.split('\n').find((shown) => shown.startsWith(`${line} | `)) ?? '';
      if (shownLine.includes(keyLine.slice(0, 12)) || shownLine.includes(keyLine.slice(-12))) leaked.push(line);
      if (!output.text.includes('[REDACTED:private-key]')) leaked.push(line);
    }
    assert.deepEqual([...new Set(leaked)], [], `${new Set(leaked).size} of ${keyLines.length} lines`);
  });

  test('R36 ranges of a few lines anywhere in the key send nothing of it either', async () => {
    const pem = fakeRsa8192Pem();
    const body = pem.split('\n').slice(1, -1);
    const text = `${numberedLines(5)}\n${pem}\n${numberedLines(5)}`;
    const source = fileSource('certs/key.txt', text);
    for (let start = 1; start < 110; start += 7) {
      const output = await readFileResult(
        source,
        { path: 'certs/key.txt', startLine: start, endLine: start + 2 },
        { exclude: [], redactSecrets: true },
      );
      for (const keyLine of body) assert.ok(!output.text.includes(keyLine.slice(8, 24)), `lines ${start}–${start + 2}`);
    }
  });

  test('R36 key blocks are found whatever their length, and only around key text', () => {
    const pem = fakeRsa8192Pem();
    const text = `before\n${pem}\nafter`;
    assert.deepEqual(privateKeyBlocks(text), [{ start: 7, end: 7 + pem.length, kind: 'private-key' }]);
    const parser =
      "const BEGIN = '-----BEGIN PRIVATE " +
      "KEY-----';\nif (text.startsWith(BEGIN)) parse(text);\nconst END = '-----END PRIVATE " +
      "KEY-----';";
    assert.deepEqual(privateKeyBlocks(parser), [], 'code that names the markers is no key');
    const placeholder = '-----BEGIN PRIVATE ' + 'KEY-----\n...\n-----END PRIVATE ' + 'KEY-----';
    assert.deepEqual(privateKeyBlocks(placeholder), []);
  });
});
