import type { lintSource as LintSource } from '@secretlint/core';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { credentialRules } from './credentialRules';
import { tokenRules } from './extraRules';
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
        ...[...tokenRules, ...credentialRules].map((rule) => ({ id: rule.meta.id, rule })),
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
  if (ruleId.startsWith('architect/')) return ruleId.slice('architect/'.length);
  const rule = ruleId.replace(/^.*secretlint-rule-/, '').replace(/^architect\//, '');
  return rule.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '-secret';
}

/**
 * Finds secrets with secretlint. Rules report the secret itself in their message data, which is more
 * exact than their ranges (the AWS secret-key rule reports the range of the key *name*), so each
 * reported value is looked up in the text, falling back to the reported range. The first
 * `MAX_VALUES_SEARCHED_EVERYWHERE` distinct values are redacted wherever they occur (a key used bare
 * further down); after that only next to where they were reported, so a file full of secrets costs
 * linear time.
 */
export async function findSecrets(text: string): Promise<SecretRange[]> {
  if (text.trim() === '') return [];
  const found: SecretRange[] = [];
  const searchedEverywhere = new Set<string>();
  for (const message of await lintInChunks(text)) {
    const kind = kindOf(message.ruleId, message.messageId);
    const [start, end] = message.range;
    let located = false;
    for (const value of secretValues(message.data)) {
      if (searchedEverywhere.has(value)) {
        located = true;
        continue;
      }
      const everywhere = searchedEverywhere.size < MAX_VALUES_SEARCHED_EVERYWHERE;
      const offsets = everywhere
        ? occurrences(text, value, 0, text.length)
        : occurrences(text, value, start - value.length - 256, end + value.length + 256);
      if (everywhere && offsets.length > 0) searchedEverywhere.add(value);
      for (const at of offsets) found.push({ start: at, end: at + value.length, kind });
      located ||= offsets.length > 0;
    }
    if (!located) found.push({ start, end: start + trimTrailingPunctuation(text.slice(start, end)).length, kind });
  }
  found.push(...privateKeyBlocks(text));
  return mergeRanges(found);
}

interface Report {
  readonly ruleId: string;
  readonly messageId: string;
  readonly range: readonly [number, number];
  readonly data?: unknown;
}

/**
 * secretlint's time grows faster than the number of reports in one source (four times the reports
 * took seven times as long, and worse beyond), so a long text is linted in stretches of about 32 KB, cut at line starts, each overlapping the one before by 2 KB:
 * any secret shorter than the overlap lies whole in one stretch. (Private keys, which can be longer,
 * are found in the whole text by `privateKeyBlocks`.) Ranges come back as offsets into `text`.
 */
async function lintInChunks(text: string): Promise<Report[]> {
  const { lintSource, config } = await loadEngine();
  const reports: Report[] = [];
  for (const [from, to] of chunkBounds(text)) {
    const result = await lintSource({
      // No real path: secretlint would read some files from disk with Node's fs by their path.
      source: { filePath: 'attached.txt', content: from === 0 && to === text.length ? text : text.slice(from, to), contentType: 'text' },
      options: { config, maskSecrets: false },
    });
    for (const message of result.messages) reports.push({ ...message, range: [message.range[0] + from, message.range[1] + from] });
  }
  return reports;
}

const CHUNK_CHARS = 32_768;
const CHUNK_OVERLAP_CHARS = 2_048;

export function chunkBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const to = Math.min(text.length, from + CHUNK_CHARS);
    bounds.push([from, to]);
    if (to === text.length) return bounds;
    from = lineStartBefore(text, to - CHUNK_OVERLAP_CHARS, CHUNK_OVERLAP_CHARS);
  }
}

/** The start of the line holding `offset`, looking back at most `limit` characters (a minified line has none). */
function lineStartBefore(text: string, offset: number, limit: number): number {
  for (let at = offset; at > offset - limit && at > 0; at--) if (text.charCodeAt(at - 1) === 10) return at;
  return offset;
}

const MAX_VALUES_SEARCHED_EVERYWHERE = 64;

/** Offsets of `value` in `text` between `from` and `to`; only that stretch is searched. */
function occurrences(text: string, value: string, from: number, to: number): number[] {
  const start = Math.max(0, from);
  const stretch = start === 0 && to >= text.length ? text : text.slice(start, Math.min(text.length, to));
  const offsets: number[] = [];
  for (let at = stretch.indexOf(value); at !== -1; at = stretch.indexOf(value, at + value.length)) offsets.push(start + at);
  return offsets;
}

function secretValues(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'typeName')
    .map(([, value]) => trimTrailingPunctuation(value))
    .filter((value) => value.length >= 8);
}

const TRAILING_PUNCTUATION = /["'`;,)\s]/;

/** Connection-string rules take the closing quote and semicolon along; the code keeps them. */
function trimTrailingPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && TRAILING_PUNCTUATION.test(value.charAt(end - 1))) end--;
  return value.slice(0, end);
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
  // One pass over the text: splicing each placeholder into the whole string would copy it per secret.
  const parts: string[] = [];
  let at = 0;
  for (const secret of found) {
    parts.push(text.slice(at, secret.start), `[REDACTED:${secret.kind}]`);
    at = secret.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), count: found.length };
}
