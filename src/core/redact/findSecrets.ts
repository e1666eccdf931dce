import { privateKeyBlocks } from './keyBlocks';
import { lintInChunks, type Report } from './lintInChunks';
import { hasSecretShape } from './secretShape';
import { formatOf, type TextOrigin } from './textFormat';

/** A secret in a text: [start, end) offsets and a kind for its placeholder, e.g. "github-token". */
export interface SecretRange {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
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
 * reported value is looked up in the text, falling back to the reported range.
 *
 * A value with the shape of a secret (`hasSecretShape`) is redacted wherever it occurs (a key used
 * bare further down), for the first `MAX_VALUES_SEARCHED_EVERYWHERE` distinct values; after that only
 * next to where it was reported, so a file full of secrets costs linear time. Any other value
 * (`changethis`, `password1`, a one-letter test password) is redacted only where a rule found it:
 * replaced everywhere, a common word would blank out every line that uses it.
 *
 * `origin` is where the text comes from (its path or language): the format decides whether an
 * unquoted value after a password key is a credential (`db.password=…` in `.properties`) or code
 * (`password = random_lower_string()` in Python). The one entry point for all of redaction.
 */
export async function findSecrets(text: string, origin?: TextOrigin): Promise<SecretRange[]> {
  return (await findSecretsInTexts([text], origin ? [origin] : undefined))[0] ?? [];
}

/**
 * The secrets of texts that are parts of one whole, as findSecrets finds them in one text: each text is
 * linted on its own, and a value found in one is looked up in all of them. A diff's files are scanned
 * in batches this way, so that no text is large (a string over 128 KB takes a fresh mapping of memory
 * each time it is made, which cost more than linting a third of it).
 */
export async function findSecretsInTexts(
  texts: readonly string[],
  origins?: readonly (TextOrigin | undefined)[],
): Promise<SecretRange[][]> {
  const found = texts.map((): SecretRange[] => []);
  const searchedEverywhere = new Set<string>();
  for (const [index, text] of texts.entries()) {
    if (text.trim() === '') continue;
    for (const message of await lintInChunks(text, formatOf(origins?.[index])))
      locate(message, { texts, index, found, searchedEverywhere });
  }
  return texts.map((text, index) => (text.trim() === '' ? [] : mergeRanges([...(found[index] ?? []), ...privateKeyBlocks(text)])));
}

interface Search {
  readonly texts: readonly string[];
  /** The text the report is about. */
  readonly index: number;
  readonly found: SecretRange[][];
  readonly searchedEverywhere: Set<string>;
}

/** Places one report: its values where they occur, else the range it reported. */
function locate(message: Report, search: Search): void {
  const { texts, index, found, searchedEverywhere } = search;
  const text = texts[index] ?? '';
  const here = found[index] ?? [];
  const kind = kindOf(message.ruleId, message.messageId);
  const [start, end] = message.range;
  let located = false;
  for (const value of secretValues(message.data)) {
    if (!hasSecretShape(value)) {
      // Only where it was reported: the rule's range, or the value's first occurrence from there.
      const offsets = occurrences(text, value, start, Math.max(end, start + value.length));
      for (const offset of offsets.slice(0, 1)) here.push({ start: offset, end: offset + value.length, kind });
      located ||= offsets.length > 0;
      continue;
    }
    if (searchedEverywhere.has(value)) {
      located = true;
      continue;
    }
    if (searchedEverywhere.size < MAX_VALUES_SEARCHED_EVERYWHERE) {
      let anywhere = false;
      texts.forEach((other, at) => {
        const offsets = occurrences(other, value, 0, other.length);
        for (const offset of offsets) found[at]?.push({ start: offset, end: offset + value.length, kind });
        anywhere ||= offsets.length > 0;
      });
      if (anywhere) searchedEverywhere.add(value);
      located ||= anywhere;
      continue;
    }
    const offsets = occurrences(text, value, start - value.length - 256, end + value.length + 256);
    for (const offset of offsets) here.push({ start: offset, end: offset + value.length, kind });
    located ||= offsets.length > 0;
  }
  if (!located) here.push({ start, end: start + trimTrailingPunctuation(text.slice(start, end)).length, kind });
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
export async function redactText(text: string, origin?: TextOrigin): Promise<{ text: string; count: number }> {
  const found = await findSecrets(text, origin);
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
