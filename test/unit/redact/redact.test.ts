import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSecrets, findSecretsInTexts, mergeRanges } from '../../../src/core/redact/findSecrets';
import { buildRequest } from '../../../src/core/request/buildRequest';
import { fileSource, shippedPersona } from '../support/helpers';

// Fake credentials in the shapes the rules know; none of them is real.
const pemBody = 'MIIEowIBAAKCAQEA' + 'q'.repeat(48) + '\n' + 'Z'.repeat(64) + '\n' + 'y'.repeat(40);
export const SECRETS = {
  'aws-access-key-id': 'AKIAZ3MSJV4WWCSGXQ7T',
  'github-token': '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',
  'private-key': `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----`,
  'database-url': 'postgres://admin:s3cr3tpass@db.example.com:5432/app',
  'slack-token': 'xoxb-2222222222-3333333333333-ABCDEFghijKLMNOPqrstUVWX',
  'stripe-key': 'sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ',
  'openai-api-key': `sk-proj-${'a1B2'.repeat(18)}aa T3BlbkFJ${'c3D4'.repeat(18)}cc`.replace(/ /g, ''),
} as const;

const code = `import { Pool } from 'pg';
const awsKey = "${SECRETS['aws-access-key-id']}";
const token = '${SECRETS['github-token']}';
const key = \`${SECRETS['private-key']}\`;
const pool = new Pool({ connectionString: "${SECRETS['database-url']}" });
const slack = "${SECRETS['slack-token']}";
const stripe = "${SECRETS['stripe-key']}";
const openai = "${SECRETS['openai-api-key']}";
// secretlint-disable
const hidden = "${SECRETS['github-token']}";
`;

describe('secret redaction', () => {
  test('R10: every kind of secret is found, with its kind', async () => {
    const found = await findSecrets(code);
    const kinds = new Set(found.map((range) => range.kind));
    for (const kind of Object.keys(SECRETS)) assert.ok(kinds.has(kind), `missing ${kind}: ${[...kinds].join(', ')}`);
    for (const range of found) assert.ok(!/["';]$/.test(code.slice(range.start, range.end)), 'no closing quote or semicolon taken along');
  });

  test('R10: secrets are replaced by [REDACTED:kind] before sending, and the answer states the count', async () => {
    const plan = await buildRequest({
      command: 'review',
      question: '',
      persona: shippedPersona(),
      context: [{ kind: 'attachments', sources: [fileSource('src/config.ts', code)] }],
      history: [],
      exclude: [],
      redactSecrets: true,
      maxInputTokens: 128_000,
    });
    const sent = plan.messages.map((message) => message.text).join('\n');
    for (const [kind, secret] of Object.entries(SECRETS)) {
      for (const line of secret.split('\n'))
        if (line.length > 20 && !line.startsWith('-----')) assert.ok(!sent.includes(line), `${kind} leaked`);
      assert.ok(sent.includes(`[REDACTED:${kind}]`), `placeholder for ${kind}`);
    }
    assert.ok(!sent.includes('s3cr3tpass'));
    assert.equal(plan.redactions, 8, 'seven secrets, the GitHub token twice');
    assert.ok(plan.notes.includes('8 secrets were replaced by placeholders before sending.'));
    assert.match(sent, /connectionString: "\[REDACTED:database-url\]" \}\);/);
  });

  test('R10: a "secretlint-disable" comment in attached code does not switch redaction off', async () => {
    const found = await findSecrets(`// secretlint-disable\nconst t = "${SECRETS['github-token']}";\n`);
    assert.equal(found.length, 1);
  });

  test('R10: a private key cut by the window edge is still redacted', async () => {
    const lines = Array.from({ length: 400 }, (_, index) => `const filler${index} = ${index};`);
    lines.splice(200, 0, ...SECRETS['private-key'].split('\n'));
    const text = lines.join('\n');
    const plan = await buildRequest({
      command: 'review',
      question: '',
      persona: shippedPersona(),
      context: [{ kind: 'attachments', sources: [fileSource('src/keys.ts', text, { kind: 'selection', startLine: 202, endLine: 203 })] }],
      history: [],
      exclude: [],
      redactSecrets: true,
      maxInputTokens: 4096,
    });
    const sent = plan.messages.map((message) => message.text).join('\n');
    assert.ok(!sent.includes('ZZZZZZZZZZZZZZZZ'), 'key body leaked');
    assert.ok(sent.includes('[REDACTED:private-key]'));
  });

  test('redaction can be switched off by the user', async () => {
    const plan = await buildRequest({
      command: 'review',
      question: '',
      persona: shippedPersona(),
      context: [{ kind: 'attachments', sources: [fileSource('a.ts', code)] }],
      history: [],
      exclude: [],
      redactSecrets: false,
      maxInputTokens: 128_000,
    });
    assert.equal(plan.redactions, 0);
    assert.ok(plan.messages.some((message) => message.text.includes(SECRETS['github-token'])));
  });

  test('R10: credentials in any URL scheme, and Anthropic keys, get their own kind', async () => {
    const found = await findSecrets('const a = "amqp://guest:s3cret@mq:5672"; const k = "sk-ant-api03-' + 'A'.repeat(93) + 'AA";');
    assert.deepEqual(found.map((range) => range.kind).sort(), ['anthropic-api-key', 'url-credentials']);
  });

  test('a value found in one of several texts is redacted in all of them, as in one text', async () => {
    const texts = ['const password = "hunter2hunter2";', 'nothing here', 'connect(user, "hunter2hunter2");'];
    const found = await findSecretsInTexts(texts);
    assert.deepEqual(
      found.map((ranges, index) => ranges.map((range) => texts[index]?.slice(range.start, range.end))),
      [['hunter2hunter2'], [], ['hunter2hunter2']],
    );
  });

  test('property: several texts give the secrets of the one text they make, each at its place', async () => {
    // Whole lines, none of which can make a secret with the next one: a text boundary changes nothing.
    const lines = [
      'const password = "hunter2hunter2";',
      'connect(user, "hunter2hunter2");',
      `const token = '${SECRETS['github-token']}';`,
      `log(${SECRETS['github-token']})`,
      `const awsKey = "${SECRETS['aws-access-key-id']}";`,
      'const plain = 1;',
      '',
    ];
    const texts = fc.array(
      fc.array(fc.constantFrom(...lines), { maxLength: 6 }).map((parts) => parts.join('\n')),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(texts, async (parts) => {
        const apart = await findSecretsInTexts(parts);
        const whole = await findSecrets(parts.join('\n'));
        assert.equal(apart.flat().length, whole.length);
        let offset = 0;
        parts.forEach((part, index) => {
          const inPart = whole.filter((range) => range.start >= offset && range.end <= offset + part.length);
          const shifted = inPart.map((range) => [range.start - offset, range.end - offset]);
          assert.deepEqual(
            apart[index]?.map((range) => [range.start, range.end]),
            shifted,
          );
          offset += part.length + 1;
        });
      }),
      { numRuns: 40 },
    );
  });

  test('overlapping ranges merge', () => {
    assert.deepEqual(
      mergeRanges([
        { start: 5, end: 10, kind: 'a' },
        { start: 0, end: 6, kind: 'b' },
        { start: 20, end: 21, kind: 'c' },
      ]),
      [
        { start: 0, end: 10, kind: 'b' },
        { start: 20, end: 21, kind: 'c' },
      ],
    );
  });
});

describe('redaction in a long-lived host', () => {
  test("scanning leaves no performance marks behind (secretlint's profiler is stubbed out of the bundle)", async () => {
    const { performance } = await import('node:perf_hooks');
    performance.clearMarks();
    for (let i = 0; i < 50; i++) await findSecrets(`const token = "${SECRETS['github-token']}";`);
    assert.equal(performance.getEntriesByType('mark').length, 0);
  });
});
