import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import matter from 'gray-matter';
import { lintSource } from '@secretlint/core';
import fc from 'fast-check';
import { StructuredSource } from 'structured-source';
import * as jsonc from 'jsonc-parser';
import { rules as trimmedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintRuleCreator } from '@secretlint/types';
import { shippedPersonaText } from '../support/helpers';

// This file is bundled with the extension's esbuild plugins (scripts/trim-dependencies.mjs), so the static
// imports above are the trimmed code that ships. The published packages are loaded from node_modules at
// run time through specifiers esbuild cannot follow, and both must give the same answers.
const PRESET = ['@secretlint', 'secretlint-rule-preset-recommend'].join('/');
const loadPublished = createRequire(__filename);

const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';

// Fake credentials, one or more per rule of the preset; none of them is real.
const AWS_KEY_ID = 'AKIAZ3MSJV4WWCSGXQ7T';
const GITHUB_TOKEN = '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';
const PEM_BODY = 'MIIEowIBAAKCAQEA' + 'q'.repeat(48) + '\n' + 'Z'.repeat(64) + '\n' + 'y'.repeat(40);
const TEXT = [
  `const awsKey = "${AWS_KEY_ID}";`,
  `const token = '${GITHUB_TOKEN}';`,
  `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`,
  'postgres://admin:s3cr3tpass@db.example.com:5432/app',
  'xoxb-2222222222-3333333333333-ABCDEFghijKLMNOPqrstUVWX',
  `sk-proj-${'a1B2'.repeat(18)}aaT3BlbkFJ${'c3D4'.repeat(18)}cc`,
  'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz"',
  'aws_account_id: 1234-5678-9012',
  '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"}',
  'NPM_TOKEN=npm_' + 'a1b2C3d4'.repeat(4) + 'e5F6',
  'https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx',
  'curl https://deploy:Pa55w0rdXyz@example.com/hook',
  'SENDGRID=SG.' + 'a'.repeat(22) + '.' + 'b'.repeat(43),
  'SHOPIFY=shpat_' + 'f'.repeat(32),
  'LINEAR=lin_api_' + 'x'.repeat(40),
  'ANTHROPIC=sk-ant-api03-' + 'k'.repeat(93) + 'AA',
  'mongodb+srv://app:m0ng0pass@cluster0.example.net/prod',
  'mysql://root:my5qlpass@localhost:3306/shop',
  'github_pat_' + 'Q'.repeat(82),
].join('\n');

function configOf(rules: readonly SecretLintRuleCreator[], allows: string[] = []): SecretLintCoreConfig {
  return {
    rules: rules
      .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
      .map((rule) => ({ id: rule.meta.id, rule, options: { allows, enableIDScanRule: true } })),
  };
}

async function report(rules: readonly SecretLintRuleCreator[], allows?: string[]) {
  const result = await lintSource({
    source: { filePath: 'attached.txt', content: TEXT, contentType: 'text' },
    options: { config: configOf(rules, allows), maskSecrets: false },
  });
  // docsUrl is left out on purpose: the trimmed preset drops the documentation links.
  return result.messages.map(({ ruleId, messageId, message, range, data }) => ({ ruleId, messageId, message, range, data }));
}

describe('trimmed dependencies behave as the published ones', () => {
  test('the secretlint preset keeps every scanning rule and leaves out only the comment filter', async () => {
    const published = (await import(PRESET)) as { rules: SecretLintRuleCreator[] };
    const ids = (rules: readonly SecretLintRuleCreator[]) => rules.map((rule) => rule.meta.id);
    assert.deepEqual(
      ids(trimmedRules),
      ids(published.rules).filter((id) => id !== FILTER_COMMENTS),
    );
    assert.ok(!ids(trimmedRules).includes(FILTER_COMMENTS));
  });

  test('R10: the trimmed secretlint rules report the same secrets, ranges and English messages', async () => {
    const published = (await import(PRESET)) as { rules: SecretLintRuleCreator[] };
    const trimmed = await report(trimmedRules);
    assert.deepEqual(trimmed, await report(published.rules));
    const firing = new Set(trimmed.map((message) => message.ruleId));
    assert.ok(firing.size >= 12, `only ${firing.size} rules fired: ${[...firing].join(', ')}`);
    assert.ok(trimmed.some((message) => message.message.startsWith('found ')));
  });

  test('allow patterns (the lodash stand-ins in the matcher) suppress the same reports', async () => {
    const published = (await import(PRESET)) as { rules: SecretLintRuleCreator[] };
    // A regexp string with flags, a plain string, and two patterns matching the same text (deduplicated).
    const allows = ['/akia[a-z0-9]{16}/gi', GITHUB_TOKEN, '/ghp_\\w+/', 'Pa55w0rdXyz'];
    const trimmed = await report(trimmedRules, allows);
    assert.deepEqual(trimmed, await report(published.rules, allows));
    const all = await report(trimmedRules);
    assert.ok(trimmed.length < all.length, 'the allow patterns took effect');
    assert.ok(!trimmed.some((message) => JSON.stringify(message.data).includes(AWS_KEY_ID)));
  });

  test('the secretlint core parts left out of the bundle fail loudly instead of misbehaving', async () => {
    const source = { filePath: 'attached.txt', content: TEXT, contentType: 'text' as const };
    await assert.rejects(async () => lintSource({ source, options: { config: configOf(trimmedRules), maskSecrets: true } }), /not bundled/);
    const preset = { id: 'preset', rule: { meta: { id: 'preset', type: 'preset' } } } as unknown as SecretLintCoreConfig['rules'][number];
    await assert.rejects(async () => lintSource({ source, options: { config: { rules: [preset] } } }), /Unknown descriptor type/);
  });

  test('structured-source with its line index built on first use places offsets as the published one', () => {
    const published = loadPublished(['structured', 'source'].join('-')) as { StructuredSource: typeof StructuredSource };
    const text = fc
      .array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\u2028', '\u2029', ''), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const ours = new StructuredSource(source);
        const theirs = new published.StructuredSource(source);
        assert.equal(ours.line, theirs.line);
        for (let index = 0; index <= source.length; index++) {
          const location = ours.rangeToLocation([index, source.length]);
          assert.deepEqual(location, theirs.rangeToLocation([index, source.length]));
          assert.deepEqual(ours.locationToRange(location), theirs.locationToRange(location));
        }
      }),
      { numRuns: 500 },
    );
  });

  test('jsonc-parser without its unread enum objects and formatter tables parses as the published one', () => {
    const published = loadPublished(['jsonc', 'parser'].join('-')) as typeof jsonc;
    const token = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"\\u00e9"',
      '"x',
      '1',
      '-2.5e3',
      '1.',
      'true',
      'null',
      ' ',
      '\n',
      '\r',
      '// c\n',
      '/* c */',
      '/*',
      'x',
    );
    const text = fc.array(token, { maxLength: 25 }).map((parts) => parts.join(''));
    const options = { allowTrailingComma: true, disallowComments: false };
    fc.assert(
      fc.property(text, (source) => {
        const ours: jsonc.ParseError[] = [];
        const theirs: jsonc.ParseError[] = [];
        assert.deepEqual(jsonc.parse(source, ours, options), published.parse(source, theirs, options));
        assert.deepEqual(ours, theirs);
        assert.deepEqual(
          ours.map((error) => jsonc.printParseErrorCode(error.error)),
          theirs.map((error) => published.printParseErrorCode(error.error)),
        );
        const tree = jsonc.parseTree(source, [], options);
        const theirTree = published.parseTree(source, [], options);
        assert.deepEqual(tree && jsonc.getNodeValue(tree), theirTree && published.getNodeValue(theirTree));
        assert.equal(
          tree && jsonc.findNodeAtLocation(tree, ['a'])?.offset,
          theirTree && published.findNodeAtLocation(theirTree, ['a'])?.offset,
        );
      }),
      { numRuns: 500 },
    );
  });

  test('gray-matter without sections, stringify and kind-of parses front matter as the published one', () => {
    const published = loadPublished(['gray', 'matter'].join('-')) as typeof matter;
    const texts = [
      shippedPersonaText(),
      '---\nname: A\ndescription: B\nlist: [1, 2]\nanchor: &x { a: 1 }\ncopy: *x\n---\nBody\n',
      '---yaml\nname: A\n---\n',
      '---\n---\nonly a body',
      'no front matter at all',
    ];
    for (const text of texts) {
      const options = { language: 'yaml' };
      const ours = matter(text, options);
      const theirs = published(text, options);
      assert.deepEqual({ data: ours.data, content: ours.content }, { data: theirs.data, content: theirs.content });
    }
  });

  test('the gray-matter parts left out of the bundle fail loudly instead of misbehaving', () => {
    assert.throws(() => matter.stringify('body', { name: 'A' }), /not bundled/);
  });
});
