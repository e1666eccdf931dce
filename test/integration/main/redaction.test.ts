import * as assert from 'assert';
import { useFakeModel } from '../helpers/suite';
import { ask, askInAgentMode } from '../helpers/chat';
import { allText, lastRequest } from '../helpers/fake';
import { fileUri, readText, writeFile } from '../helpers/workspace';

/** A password that looks real, made when the test runs: no credential-shaped text sits in the repository. */
function realLookingPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  for (let index = 0; index < 14; index++) out += alphabet[(index * 7919 + 13) % alphabet.length];
  return `${out}#9q`;
}

suite('redaction of real code', () => {
  const lm = useFakeModel();

  for (const [mode, send] of [
    ['', ask],
    [' (Agent mode)', askInAgentMode],
  ] as const)
    test(`R58: /review of a real authentication module sends every line as written${mode}`, async () => {
      // backend/app/core/security.py of fastapi/full-stack-fastapi-template (MIT), put in the workspace by
      // the suite's setup from test/fixtures/redaction-corpus.
      const uri = fileUri('backend/app/core/security.py');
      const text = await readText(uri);
      assert.match(text, /def verify_password\(/, 'the fixture is the real module');
      const result = await send('@architect /review', { attach: [uri] });
      assert.strictEqual(result.errorDetails, undefined);
      // The message that carries the file: its header, then each line behind its number.
      const piece = lastRequest(lm.fake).messages.find((message) => message.text.includes('backend/app/core/security.py'));
      assert.ok(piece, 'the file was not sent');
      assert.ok(!piece.text.includes('[REDACTED'), 'something was redacted');
      const sentLines = new Set(piece.text.split('\n'));
      text.split('\n').forEach((line, index) => {
        if (index === text.split('\n').length - 1 && line === '') return;
        const numbered = [...sentLines].some(
          (sent) => sent.trimStart() === `${index + 1} | ${line}`.trimEnd() || sent.trimStart() === `${index + 1} | ${line}`,
        );
        assert.ok(numbered, `line ${index + 1} not sent as written: ${line}`);
      });
      assert.strictEqual(result.metadata?.['redactions'], 0);
    });

  test('R58: a config file with a real-looking password literal is still redacted', async () => {
    const password = realLookingPassword();
    const uri = await writeFile(
      'config/application-prod.properties',
      `spring.datasource.url=jdbc:postgresql://db.internal:5432/orders\nspring.datasource.username=orders\nspring.datasource.password=${password}\n`,
    );
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    assert.ok(!sent.includes(password), 'the password reached the model');
    assert.ok(sent.includes('spring.datasource.password=[REDACTED:password]'), sent);
    assert.ok(sent.includes('spring.datasource.username=orders'));
    assert.strictEqual(result.metadata?.['redactions'], 1);
  });
});
