import { patternRule } from './patternRule';

/**
 * Credentials recognisable by where they stand rather than by their shape: after a key that names a
 * password, inside a URL, in the line formats of netrc, pgpass, .npmrc and Docker's config.json.
 */

const PASSWORD_WORD = 'password|passwd|pwd';
const PASSWORD_KEY = String.raw`["']?[\w.-]{0,40}(?:${PASSWORD_WORD})[\w.-]{0,40}["']?`;
/** Every password key holds one of the words: only the lines with one are searched. */
const PASSWORD_NEEDLE = new RegExp(PASSWORD_WORD, 'gi');

/**
 * A password given as a literal: quoted anywhere (`"password": "…"`, `password = '…'`), or unquoted as
 * the whole rest of a `.properties`, `.ini`, `.env` or YAML line (`db.password=…`, `password: …`).
 * Unquoted values that read as code or as a type (`password: string;`, `pwd = getPwd()`, `${PWD}`) are
 * left alone, and so is a value named like a password (`self.password = password`); what remains may
 * still be a variable name, and hiding one is the lesser harm.
 */
export const passwordRule = patternRule('password', 'password', [
  {
    needle: PASSWORD_NEEDLE,
    pattern: new RegExp(
      String.raw`(?<![\w.-])${PASSWORD_KEY}[ \t]{0,20}(?::=|=>|[:=])[ \t]{0,20}(?<q>["'])(?<secret>(?!\$\{|\{\{|%\(|<)[^"'\n]{1,200})\k<q>`,
      'dgi',
    ),
  },
  {
    needle: PASSWORD_NEEDLE,
    pattern: new RegExp(
      String.raw`^[ \t]*${PASSWORD_KEY}[ \t]{0,20}[:=][ \t]{0,20}(?!(?:str|string|bytes|int|number|bool|boolean|SecretStr|None|null|nil|true|false|undefined|any|unknown|object|required|optional)[ \t]*$)(?![\w.]*(?:pass|pwd)[\w.]*[ \t]*$)(?<secret>[^\s"'$%{}()[\];=<>|&*!][^\n"'{}()[\];=]{0,200})$`,
      'dgim',
    ),
  },
  // JDBC and ODBC: `jdbc:mysql://db/app?user=app&password=…`, `Server=db;Pwd=…;`
  /[?&;](?:password|pwd)=(?<secret>[^&;\s"'`]{1,200})/dgi,
]);

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
  'URL_CREDENTIALS',
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

export const credentialRules = [passwordRule, urlCredentialsRule, netrcRule, pgpassRule, dockerAuthRule, npmTokenRule];
