import { type SecretLintRuleCreator } from '@secretlint/types';

/**
 * secretlint's recommended preset has no Stripe rule. Stripe documents its key prefixes: secret
 * (`sk_`), restricted (`rk_`) and webhook signing secrets (`whsec_`); publishable keys (`pk_`) are
 * public and left alone.
 */
const STRIPE_KEY = /\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,247}\b|\bwhsec_[0-9a-zA-Z]{24,}\b/g;

/**
 * secretlint's connection-string rules know PostgreSQL, MySQL and MongoDB, and its basic-auth rule
 * http(s); a password in any other URL (redis://, amqp://, smtp://, ...) is caught here.
 */
const URL_CREDENTIALS = /\b(?!(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|https?):\/\/)[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/"'`]*:[^\s@/"'`]+@[^\s"'`]+/gi;

export const urlCredentialsRule: SecretLintRuleCreator = {
  messages: {
    URL_CREDENTIALS: { en: (props: { URL: string }) => `found credentials in a URL: ${props.URL}` },
  },
  meta: {
    id: 'architect/url-credentials',
    type: 'scanner',
    recommended: true,
    supportedContentTypes: ['text'],
  },
  create(context) {
    const t = context.createTranslator(urlCredentialsRule.messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(URL_CREDENTIALS)) {
          const start = match.index ?? 0;
          context.report({ message: t('URL_CREDENTIALS', { URL: match[0] }), range: [start, start + match[0].length] });
        }
      },
    };
  },
};

export const stripeRule: SecretLintRuleCreator = {
  messages: {
    STRIPE_KEY: { en: (props: { KEY: string }) => `found Stripe secret key: ${props.KEY}` },
  },
  meta: {
    id: 'architect/stripe',
    type: 'scanner',
    recommended: true,
    supportedContentTypes: ['text'],
  },
  create(context) {
    const t = context.createTranslator(stripeRule.messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(STRIPE_KEY)) {
          const start = match.index ?? 0;
          context.report({ message: t('STRIPE_KEY', { KEY: match[0] }), range: [start, start + match[0].length] });
        }
      },
    };
  },
};
