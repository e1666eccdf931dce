import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFileBytes } from '../../../src/core/context/decode';
import { excludingPattern } from '../../../src/core/context/exclude';

const isExcluded = (path: string, patterns: readonly string[]) => excludingPattern(path, patterns) !== undefined;

describe('decoding and exclusion', () => {
  test('R25: NUL bytes mean binary', () => {
    assert.deepEqual(decodeFileBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { kind: 'binary' });
  });

  test('R26: UTF-16 with a BOM is decoded; invalid UTF-8 is left to the editor', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    assert.deepEqual(decodeFileBytes(utf16), { kind: 'text', text: 'hi' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]);
    assert.deepEqual(decodeFileBytes(be), { kind: 'text', text: 'hi' });
    assert.deepEqual(decodeFileBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), { kind: 'undecodable' });
    assert.deepEqual(decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), { kind: 'text', text: 'a' });
  });

  test("R26: the user's encoding settings decide unless a byte order mark does", () => {
    const ascii = new Uint8Array([0x63, 0x61, 0x66]);
    assert.deepEqual(decodeFileBytes(ascii, { encoding: 'utf8', autoGuess: false }), { kind: 'text', text: 'caf' });
    // Another encoding, or guessing, is the editor's to apply: left to vscode.workspace.decode.
    assert.deepEqual(decodeFileBytes(ascii, { encoding: 'windows1252', autoGuess: false }), { kind: 'undecodable' });
    assert.deepEqual(decodeFileBytes(ascii, { encoding: 'utf8', autoGuess: true }), { kind: 'undecodable' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    assert.deepEqual(decodeFileBytes(bom, { encoding: 'windows1252', autoGuess: true }), { kind: 'text', text: 'é' });
    // NUL bytes are refused whatever the settings: they never go to the editor's decoder.
    assert.deepEqual(decodeFileBytes(new Uint8Array([0x61, 0x00, 0x62]), { encoding: 'windows1252', autoGuess: true }), { kind: 'binary' });
  });

  test('the default exclusions match what they should and nothing else', () => {
    const defaults = ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'];
    for (const path of [
      '.env',
      'app/.env',
      '.env.production',
      'certs/server.pem',
      'server.key',
      'home/.ssh/id_rsa',
      'id_rsa.pub',
      'keys/store.p12',
    ]) {
      assert.ok(isExcluded(path, defaults), path);
    }
    for (const path of ['src/env.ts', 'environment.md', 'src/keys.ts', 'src/pem.ts', 'docs/env.example']) {
      assert.ok(!isExcluded(path, defaults), path);
    }
  });
});

describe('exclusion globs with folders', () => {
  test('R11: patterns with a slash match the relative path, patterns without one the file name', () => {
    assert.ok(isExcluded('src/internal/pricing.ts', ['**/internal/**']));
    assert.ok(isExcluded('secrets/prod.json', ['secrets/*.json']));
    assert.ok(!isExcluded('src/secrets/prod.json', ['secrets/*.json']));
    assert.ok(isExcluded('deep/down/.env', ['.env']));
  });
});
