import { type SecretLintRuleCreator } from '@secretlint/types';

/**
 * A secretlint rule that reports every match of its patterns, for the secrets the recommended preset
 * lacks. The secret is the `secret` group when a pattern has one (the value after `password=`), else
 * the whole match (patterns with a group carry the `d` flag, for its offsets). The placeholder kind is the rule's id without its `architect/` prefix.
 *
 * Every pattern must run in linear time on any input: each starts at a distinctive prefix or keyword,
 * and every repetition that could meet the next one is bounded.
 */
export function patternRule(kind: string, describe: string, patterns: readonly RegExp[], messageId = kind): SecretLintRuleCreator {
  const rule: SecretLintRuleCreator = {
    messages: { [messageId]: { en: (props: { VALUE: string }) => `found ${describe}: ${props.VALUE}` } },
    meta: { id: `architect/${kind}`, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(rule.messages);
      return {
        file(source) {
          for (const pattern of patterns) {
            for (const match of source.content.matchAll(pattern)) {
              const value = match.groups?.['secret'] ?? match[0];
              const start = match.indices?.groups?.['secret']?.[0] ?? match.index ?? 0;
              context.report({ message: t(messageId, { VALUE: value }), range: [start, start + value.length] });
            }
          }
        },
      };
    },
  };
  return rule;
}
