import { type SecretLintRuleCreator } from '@secretlint/types';
import { matchesOf, type SecretPattern } from './linePattern';

/** The patterns stay readable on the rule, so a test can hold every line pattern to its contract. */
export type PatternRule = SecretLintRuleCreator & { readonly patterns: readonly SecretPattern[] };

/**
 * A secretlint rule that reports every match of its patterns, for the secrets the recommended preset
 * lacks. The secret is the `secret` group when a pattern has one (the value after `password=`), else
 * the whole match (patterns with a group carry the `d` flag, for its offsets). The placeholder kind is the rule's id without its `architect/` prefix.
 *
 * Every pattern must run in linear time on any input: each starts at a distinctive prefix or keyword,
 * and every repetition that could meet the next one is bounded, or it is searched only in the lines
 * that hold its needle (`LinePattern`).
 */
export interface PatternRuleOptions {
  /** The message id, when it is one `findSecrets` maps to a kind of its own (`STRIPE_KEY`). */
  readonly messageId?: string;
  /** Whether a matched value is a secret; what a regular expression cannot say well (prose, a decoded prefix). */
  readonly keep?: (value: string, match: RegExpMatchArray) => boolean;
}

export function patternRule(
  kind: string,
  describe: string,
  patterns: readonly SecretPattern[],
  options: PatternRuleOptions = {},
): PatternRule {
  const { messageId = kind, keep } = options;
  const rule: PatternRule = {
    patterns,
    messages: { [messageId]: { en: (props: { VALUE: string }) => `found ${describe}: ${props.VALUE}` } },
    meta: { id: `architect/${kind}`, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(rule.messages);
      return {
        file(source) {
          for (const pattern of patterns) {
            for (const { match, offset } of matchesOf(source.content, pattern)) {
              const value = match.groups?.['secret'] ?? match[0];
              if (keep && !keep(value, match)) continue;
              const start = offset + (match.indices?.groups?.['secret']?.[0] ?? match.index ?? 0);
              context.report({ message: t(messageId, { VALUE: value }), range: [start, start + value.length] });
            }
          }
        },
      };
    },
  };
  return rule;
}
