import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { revealHiddenCharacters } from '../../src/core/context/hiddenChars';
import { buildRequest } from '../../src/core/request/buildRequest';
import { fileSource, shippedPersona } from './helpers';

describe('hidden characters', () => {
  test('R03: zero-width, bidirectional and tag characters are made visible', () => {
    const { text, found } = revealHiddenCharacters('if (isAdmin\u202E) {\u200B} \u{E0041}');
    assert.equal(text, 'if (isAdmin⟦U+202E⟧) {⟦U+200B⟧} ⟦U+E0041⟧');
    assert.deepEqual(
      found.map((item) => item.name),
      ['right-to-left override', 'zero-width space', 'tag character'],
    );
  });

  test('emoji with variation selectors are not flagged', () => {
    assert.equal(revealHiddenCharacters('// ❤️ done ✔️').found.length, 0);
  });

  test('R03: the answer reports them with their lines, and the model sees markers', async () => {
    const code = 'const ok = 1;\nif (accessLevel != "user\u202E \u2066// Check if admin\u2069 \u2066") {\n  grant();\n}';
    const plan = await buildRequest({
      command: 'review',
      question: '',
      persona: shippedPersona(),
      sources: [fileSource('src/auth.ts', code)],
      history: [],
      exclude: [],
      redactSecrets: true,
      maxInputTokens: 128_000,
    });
    const note = plan.notes.find((line) => line.includes('invisible characters'));
    assert.ok(note, plan.notes.join('\n'));
    assert.match(note, /src\/auth\.ts: line 2 \(U\+202E right-to-left override\)/);
    const sent = plan.messages.map((message) => message.text).join('\n');
    assert.ok(sent.includes('⟦U+202E⟧') && !sent.includes('\u202E'));
  });
});
