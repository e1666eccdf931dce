import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENTS, intentForSlash, hasEnoughToAnswer, SLASH_COMMANDS, taskText } from '../../../src/core/intents/intentTable';
import { FINDINGS_INFO_STRING } from '../../../src/core/prompt/tasks';
import { hasSettingType, MAX_ROUNDS_RANGE, SETTING_TYPES, type SettingType } from '../../../src/core/settings/settingsSchema';
import { repoRoot, shippedPersona } from '../support/helpers';

interface Manifest {
  contributes: {
    chatParticipants: Array<{ commands: Array<{ name: string; description: string }> }>;
    configuration: {
      properties: Record<string, { type: string; default: unknown; items?: { type: string }; minimum?: number; maximum?: number }>;
    };
  };
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const persona = shippedPersona();

describe('the command table', () => {
  test('its slash commands are exactly the manifest chat participant commands, in order', () => {
    const contributed = manifest.contributes.chatParticipants[0]?.commands.map((command) => command.name);
    assert.deepEqual(
      SLASH_COMMANDS.map((spec) => spec.slash),
      contributed,
    );
  });

  test('every entry is filed under its own id, and every follow-up names a slash command', () => {
    for (const [id, spec] of Object.entries(INTENTS)) {
      assert.equal(spec.id, id);
      for (const next of spec.followups) assert.notEqual(INTENTS[next.command].slash, null, `${id} → ${next.command}`);
    }
  });

  test('the findings format is asked for exactly where findings are expected', () => {
    for (const spec of Object.values(INTENTS)) {
      assert.equal(taskText(spec, persona).includes(FINDINGS_INFO_STRING), spec.findings, spec.id);
    }
  });

  test('an unknown or missing slash command is a free question', () => {
    assert.equal(intentForSlash(undefined).id, 'ask');
    assert.equal(intentForSlash('nope').id, 'ask');
    assert.equal(intentForSlash('security').id, 'security');
  });

  test('a review needs code or an API described in words; a free question needs a word', () => {
    assert.equal(hasEnoughToAnswer(INTENTS.review, 'review this', 0), false);
    assert.equal(hasEnoughToAnswer(INTENTS.review, 'POST /users takes an email and a role, returns 201', 0), true);
    assert.equal(hasEnoughToAnswer(INTENTS.review, '', 1), true);
    assert.equal(hasEnoughToAnswer(INTENTS.ask, ' ', 0), false);
    assert.equal(hasEnoughToAnswer(INTENTS.ask, 'hi', 0), true);
  });
});

describe('settings and the manifest', () => {
  const properties = manifest.contributes.configuration.properties;
  const manifestType = (property: { type: string; items?: { type: string } }): SettingType =>
    property.type === 'array' ? (`${property.items?.type ?? 'unknown'}[]` as SettingType) : (property.type as SettingType);

  test('the code reads exactly the settings the manifest declares, with the same types', () => {
    const declared = Object.keys(properties).map((key) => key.replace(/^architect\./, ''));
    assert.deepEqual([...declared].sort(), Object.keys(SETTING_TYPES).sort());
    for (const [key, type] of Object.entries(SETTING_TYPES)) {
      const property = properties[`architect.${key}`];
      assert.ok(property, key);
      assert.equal(manifestType(property), type, key);
    }
  });

  test('every default is in the manifest and has its declared type', () => {
    for (const [key, type] of Object.entries(SETTING_TYPES)) {
      assert.ok(hasSettingType(properties[`architect.${key}`]?.default, type), key);
    }
  });

  test('the bounds of tools.maxRounds are the manifest bounds', () => {
    const rounds = properties['architect.tools.maxRounds'];
    assert.deepEqual({ minimum: rounds?.minimum, maximum: rounds?.maximum }, MAX_ROUNDS_RANGE);
  });
});
