import { type SecretLintRuleCreator } from '@secretlint/types';

/** A secretlint rule that reports every match of one pattern, for the secrets the preset lacks. */
function patternRule(id: string, messageId: string, pattern: RegExp, describe: (match: string) => string): SecretLintRuleCreator {
  const rule: SecretLintRuleCreator = {
    messages: { [messageId]: { en: (props: { VALUE: string }) => describe(props.VALUE) } },
    meta: { id, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(rule.messages);
      return {
        file(source) {
          for (const match of source.content.matchAll(pattern)) {
            const start = match.index ?? 0;
            context.report({ message: t(messageId, { VALUE: match[0] }), range: [start, start + match[0].length] });
          }
        },
      };
    },
  };
  return rule;
}

/**
 * secretlint's recommended preset has no Stripe rule. Stripe documents its key prefixes: secret
 * (`sk_`), restricted (`rk_`) and webhook signing secrets (`whsec_`); publishable keys (`pk_`) are
 * public and left alone.
 */
export const stripeRule = patternRule(
  'architect/stripe',
  'STRIPE_KEY',
  /\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,247}\b|\bwhsec_[0-9a-zA-Z]{24,}\b/g,
  (value) => `found Stripe secret key: ${value}`,
);

/**
 * secretlint's connection-string rules know PostgreSQL, MySQL and MongoDB, and its basic-auth rule
 * http(s); a password in any other URL (redis://, amqp://, smtp://, ...) is caught here.
 */
export const urlCredentialsRule = patternRule(
  'architect/url-credentials',
  'URL_CREDENTIALS',
  /\b(?!(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|https?):\/\/)[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/"'`]*:[^\s@/"'`]+@[^\s"'`]+/gi,
  (value) => `found credentials in a URL: ${value}`,
);
