import type { lintSource as LintSource } from '@secretlint/core';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { stripeRule, urlCredentialsRule } from './extraRules';
import { privateKeyBlocks } from './keyBlocks';

/** A secret in a text: [start, end) offsets and a kind for its placeholder, e.g. "github-token". */
export interface SecretRange {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

/**
 * secretlint's recommended rules, registered one by one with two changes: AWS access key ids are scanned
 * too (off by default upstream), and the filter that honours `secretlint-disable` comments is left out,
 * since attached code is untrusted and must not be able to switch redaction off. (Disabling a rule inside
 * the preset is not honoured by secretlint's core, hence the rules one by one.)
 *
 * secretlint is loaded on first use: its rule set is the largest part of the bundle, and activation
 * should not pay for it.
 */
let engine: Promise<{ lintSource: typeof LintSource; config: SecretLintCoreConfig }> | undefined;

function loadEngine() {
  engine ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(([core, preset]) => ({
    lintSource: core.lintSource,
    config: {
      rules: [
        ...preset.rules
          .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
          .map((rule) => ({
            id: rule.meta.id,
            rule,
            ...(rule.meta.id === '@secretlint/secretlint-rule-aws' ? { options: { enableIDScanRule: true } } : {}),
          })),
        { id: stripeRule.meta.id, rule: stripeRule },
        { id: urlCredentialsRule.meta.id, rule: urlCredentialsRule },
      ],
    },
  }));
  return engine;
}

const KINDS: Record<string, string> = {
  AWSAccessKeyID: 'aws-access-key-id',
  AWSSecretAccessKey: 'aws-secret-access-key',
  AWSAccountID: 'aws-account-id',
  GITHUB_TOKEN: 'github-token',
  SLACK_TOKEN: 'slack-token',
  IncomingWebhook: 'slack-webhook',
  OPENAI_TOKEN: 'openai-api-key',
  ANTHROPIC_API_KEY: 'anthropic-api-key',
  BasicAuth: 'basic-auth',
  PrivateKey: 'private-key',
  STRIPE_KEY: 'stripe-key',
  URL_CREDENTIALS: 'url-credentials',
};

function kindOf(ruleId: string, messageId: string): string {
  const known = KINDS[messageId];
  if (known) return known;
  if (ruleId.endsWith('database-connection-string')) return 'database-url';
  const rule = ruleId.replace(/^.*secretlint-rule-/, '').replace(/^architect\//, '');
  return rule.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '-secret';
}

/**
 * Finds secrets with secretlint. Rules report the secret itself in their message data, which is more
 * exact than their ranges (the AWS secret-key rule reports the range of the key *name*), so every
 * occurrence of a reported value is returned, falling back to the reported range.
 */
export async function findSecrets(text: string): Promise<SecretRange[]> {
  if (text.trim() === '') return [];
  const { lintSource, config } = await loadEngine();
  const result = await lintSource({
    // No real path: secretlint would read some files from disk with Node's fs by their path.
    source: { filePath: 'attached.txt', content: text, contentType: 'text' },
    options: { config, maskSecrets: false },
  });
  const found: SecretRange[] = [];
  for (const message of result.messages) {
    const kind = kindOf(message.ruleId, message.messageId);
    const values = secretValues(message.data, text);
    if (values.length === 0) {
      const [start, end] = message.range;
      found.push({ start, end: start + trimTrailingPunctuation(text.slice(start, end)).length, kind });
      continue;
    }
    for (const value of values) {
      for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
        found.push({ start: at, end: at + value.length, kind });
      }
    }
  }
  found.push(...privateKeyBlocks(text));
  return mergeRanges(found);
}

function secretValues(data: unknown, text: string): string[] {
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'typeName')
    .map(([, value]) => trimTrailingPunctuation(value))
    .filter((value) => value.length >= 8 && text.includes(value));
}

/** Connection-string rules take the closing quote and semicolon along; the code keeps them. */
function trimTrailingPunctuation(value: string): string {
  return value.replace(/["'`;,)\s]+$/, '');
}

/** Sorted, non-overlapping; where two overlap, the earlier one grows and keeps its kind. */
export function mergeRanges(ranges: readonly SecretRange[]): SecretRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) {
      if (range.end > last.end) merged[merged.length - 1] = { ...last, end: range.end };
    } else merged.push(range);
  }
  return merged;
}

/** Text with every secret replaced by its placeholder, and how many there were. */
export async function redactText(text: string): Promise<{ text: string; count: number }> {
  const found = await findSecrets(text);
  let result = text;
  for (const secret of [...found].reverse())
    result = `${result.slice(0, secret.start)}[REDACTED:${secret.kind}]${result.slice(secret.end)}`;
  return { text: result, count: found.length };
}
