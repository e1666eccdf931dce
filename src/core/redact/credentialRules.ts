import { credentialKeyRules } from './credentialKeyRules';
import { patternRule, type PatternRule } from './patternRule';
import { type TextFormat } from './textFormat';

/**
 * Credentials recognisable by where they stand rather than by their shape: after a key that names a
 * password or a secret (`credentialKeyRules.ts`), inside a URL, in the line formats of netrc, pgpass,
 * .npmrc and Docker's config.json.
 */

/**
 * secretlint's connection-string rules know PostgreSQL, MySQL and MongoDB, and its basic-auth rule
 * http(s), for passwords without a `/`. This catches a password in any other URL (redis://, amqp://,
 * smtp://, ...), and one with a `/` in any URL; a port followed by a path is no password.
 */
export const urlCredentialsRule = patternRule(
  'url-credentials',
  'credentials in a URL',
  [
    {
      needle: /:\/\//g,
      pattern:
        /\b(?!(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|https?):\/\/)[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/"'`]{0,100}:[^\s@/"'`]{1,200}@[^\s"'`]+/gi,
    },
    {
      needle: /:\/\//g,
      pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/"'`]{0,100}:(?!\d{1,5}\/)[^\s@/"'`]{0,200}\/[^\s@"'`]{0,200}@[^\s"'`]+/gi,
    },
  ],
  { messageId: 'URL_CREDENTIALS' },
);

/** netrc entries: `machine host login user password secret`, on one line or several. */
export const netrcRule = patternRule('netrc-password', 'netrc password', [
  /\b(?:machine[ \t]+\S{1,200}|default)(?:\s{1,20}(?:login|account|port)\s{1,20}\S{1,200}){0,3}\s{1,20}password\s{1,20}(?<secret>\S{1,200})/dg,
]);

/** PostgreSQL password file lines: `host:port:database:user:password`. */
export const pgpassRule = patternRule('pgpass-password', 'pgpass password', [
  // `^` in multiline mode is tried at every position: only lines with a `:port` (or `:*`) are searched.
  { needle: /:[\d*]/g, pattern: /^[ \t]*[^:\s#][^:\s]{0,200}:(?:\d{1,5}|\*):[^:\s]{1,200}:[^:\s]{1,200}:(?<secret>\S{1,200})[ \t]*$/dgm },
]);

/** Docker's config.json keeps registry credentials as `"auth": "<base64 user:password>"`. */
export const dockerAuthRule = patternRule('docker-auth', 'Docker registry credentials', [
  /"(?:auth|identitytoken|registrytoken)"[ \t]{0,20}:[ \t]{0,20}"(?<secret>[A-Za-z0-9+/=._-]{8,4000})"/dg,
]);

/**
 * npm and Yarn registry credentials (`//registry/:_authToken=…`, `_auth`, `_password`, `npmAuthToken:`).
 * secretlint's npm rule reads `_authToken` only in files named `.npmrc`, and attached text has no name.
 */
export const npmTokenRule = patternRule('npm-token', 'npm registry credentials', [
  /(?<![\w-])(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[ \t]{0,20}[=:][ \t]{0,20}["']?(?<secret>(?!\$\{)[^\s"'#;]{6,500})/dg,
]);

const placedRules = [urlCredentialsRule, netrcRule, pgpassRule, dockerAuthRule, npmTokenRule];

/** The rules for a text of this format: only the key rules depend on it. */
export function credentialRulesFor(format: TextFormat): PatternRule[] {
  return [...credentialKeyRules(format), ...placedRules];
}

/** The rules for a text whose format is unknown: every pattern of every rule. */
export const credentialRules = credentialRulesFor('unknown');
