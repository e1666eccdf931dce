import { type LinePattern, type SecretPattern } from './linePattern';
import { patternRule, type PatternRule } from './patternRule';
import { hasSecretShape } from './secretShape';
import { type TextFormat } from './textFormat';

/**
 * Credentials recognisable by the key they are given to: `password = "…"`, `db.password=…`,
 * `client-secret: …`. Real code names passwords far more often than it holds one (`verify_password`,
 * `password: z.string()`, `plain_password: str`, `"Show password"`), so a value counts only where it is
 * a literal credential:
 * - the key ends with the word (`DB_PASSWORD`, `newPassword`, `spring.datasource.password`), so
 *   `resetPasswordExpirationMinutes` and `PasswordInput.displayName` are no password keys;
 * - a quoted value counts in every format; an unquoted one only where the format makes the rest of the
 *   line the value (`.properties`, `.ini`, `.env`, YAML), never in code, where it is a variable, a call,
 *   a type or a schema;
 * - a value that is a placeholder (`${DB_PASSWORD}`, `{{ .pw }}`, `<password>`), the key's own word,
 *   or prose (`"Show password"`) is no credential.
 */

interface KeyFamily {
  readonly kind: string;
  readonly describe: string;
  /** The words a key ends with, as a regex alternation. */
  readonly words: string;
  /** Values that are the word itself, or say there is none. */
  readonly emptyValues: RegExp;
  /** Patterns of the family's own, in every format. */
  readonly more: readonly SecretPattern[];
}

const PASSWORD: KeyFamily = {
  kind: 'password',
  describe: 'password',
  words: 'pass(?:word|wd)|pwd',
  emptyValues: /^(?:pass(?:word|wd)|pwd|none|null|nil|undefined)$/i,
  // JDBC and ODBC: `jdbc:mysql://db/app?user=app&password=…`, `Server=db;Pwd=…;`
  more: [/[?&;](?:password|pwd)=(?<secret>[^&;\s"'`]{1,200})/dgi],
};

const SECRET: KeyFamily = {
  kind: 'secret',
  describe: 'secret',
  words: 'secret(?:[_-]?key)?',
  emptyValues: /^(?:secret(?:[_-]?key)?|none|null|nil|undefined)$/i,
  more: [],
};

/**
 * A key that ends with one of the family's words, quoted or not (the quotes must pair), perhaps followed
 * by a digit or by what says which copy it is (`DB_PASSWORD_PROD`, `ADMIN_PASSWORD_B64`).
 */
const keySource = (family: KeyFamily) =>
  String.raw`(?<kq>["'\x60]?)[\w.-]{0,120}(?:${family.words})(?:[_.-]?(?:${KEY_SUFFIXES}|\d{1,3})){0,2}\k<kq>`;
const KEY_SUFFIXES =
  'prod(?:uction)?|dev(?:elopment)?|stag(?:e|ing)|test|qa|uat|local|live|old|new|enc(?:rypted)?|b64|base64|hash(?:ed)?|value|plain(?:text)?|raw';

/**
 * A whole value that stands for one: `${VAR}`, `$VAR`, `{{ x }}`, `{x}`, `%(x)s`, `%VAR%`, `<password>`,
 * `#{x}`, a mask such as `****`, or references joined by separators (`${USER}:${PASS}`). A value that
 * only holds one (`ab${x}Qz9!`) or only starts with a brace (`{Xk9!pq}`) is a credential.
 */
const PLACEHOLDER = /^(?:\$[A-Z_][A-Z0-9_]*|%\w+%|<[^<>]*>|([*•xX.])\1*)$/;
const REFERENCE =
  /\$\{[^{}]{0,200}\}|\{\{[^{}]{0,200}\}\}|#\{[^{}]{0,200}\}|%\(\w{1,100}\)[sd]|\{[ \t]{0,10}[\w.-]{0,100}(?:[ \t]{0,10}:[ \t]{0,10}[\w.-]{1,100})?[ \t]{0,10}\}/g;
function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  const rest = value.replace(REFERENCE, '');
  return rest !== value && !/[A-Za-z0-9]/.test(rest);
}

/**
 * Words and spaces only, perhaps with a full stop: a label or a sentence (`"Show password"`). It is
 * no credential only where it reads as UI text: a quoted value in code that ends as a sentence ends or
 * starts with a capital and names the credential (`"Enter your password"`, `"Hide password"`). A
 * passphrase (`"correct horse battery staple"`, `"Prod Pass"`) and any value in a config format are
 * credentials.
 */
const PROSE = /^[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*)+[.!?:…]?$/;
function readsAsUiText(family: KeyFamily, value: string): boolean {
  if (!PROSE.test(value)) return false;
  return /[.!?:…]$/.test(value) || (/^[A-Z]/.test(value) && new RegExp(String.raw`\b(?:${family.words})\b`, 'i').test(value));
}

/**
 * In code, an identifier-like value that holds the word is a constant's value
 * (`RESET_PASSWORD: 'resetPassword'`, `'auth.password'`): it is joined with `_`, `.` or `-` or in
 * camel case. One lower-case word that holds it (`'adminpassword'`) is a credential.
 */
function namesTheWord(family: KeyFamily, value: string): boolean {
  if (!/^[A-Za-z_.-]+$/.test(value) || !new RegExp(family.words, 'i').test(value)) return false;
  return /[_.-]/.test(value) || /[a-z][A-Z]/.test(value);
}

function isLiteral(family: KeyFamily, value: string, format: TextFormat, quoted: boolean): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || family.emptyValues.test(trimmed) || isPlaceholder(trimmed)) return false;
  if (format !== 'code') return true;
  return !(quoted && readsAsUiText(family, trimmed)) && !namesTheWord(family, trimmed);
}

/** Unquoted values that are no credential in any format: a type, a flag, a YAML indicator. */
const NOT_A_VALUE =
  /^(?:str|string|bytes|int|number|bool|boolean|SecretStr|None|null|nil|true|false|yes|no|on|off|~|undefined|any|unknown|object|required|optional)$|^[|>&*!@[{(]/i;
/**
 * Where the format is unknown, an unquoted value that reads as code is left alone: a call, an index,
 * an operator, a property access (`settings.DB_PASSWORD`) or a name that itself names a password.
 */
const READS_AS_CODE = /[()[\]{};=<>"']|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|^[\w.$]*(?:pass|pwd|secret)[\w.$]*$/i;

/** `password: str = "…"`, `const password: string = "…"`: a type between the key and the value. */
const TYPE_ANNOTATION = String.raw`[ \t]{0,20}:[ \t]{0,20}[A-Za-z_][\w.]{0,40}(?:\[[\w. |]{0,40}\])?(?=[ \t]{0,20}=[^=>])`;

function quotedPattern(family: KeyFamily): LinePattern {
  return {
    needle: new RegExp(family.words, 'gi'),
    pattern: new RegExp(
      String.raw`(?<![\w.-])${keySource(family)}\]?(?:${TYPE_ANNOTATION})?[ \t]{0,20}(?::=|=>|[:=])[ \t]{0,20}(?<q>["'\x60])(?<secret>[^"'\x60\n]{1,200})\k<q>`,
      'dgi',
    ),
  };
}

/** The rest of a config line: `db.password=…`, `password: …`, `- POSTGRES_PASSWORD=…`, `export PASSWORD=…`. */
function unquotedPattern(family: KeyFamily): LinePattern {
  return {
    needle: new RegExp(family.words, 'gi'),
    pattern: new RegExp(
      String.raw`^[ \t]*(?:-[ \t]+)?(?:(?:export|ENV|ARG)[ \t]+)?${keySource(family)}(?<unquoted>[ \t]{0,20}[:=][ \t]{0,20})(?<secret>[^\s"'\x60](?:[^\n]{0,198}[^\s])?)[ \t\r]*$`,
      'dgim',
    ),
  };
}

/** The default of a lookup by key: `os.getenv("DB_PASSWORD", "…")`, `process.env.get('password', '…')`. */
function lookupDefaultPattern(family: KeyFamily): LinePattern {
  return {
    needle: new RegExp(family.words, 'gi'),
    pattern: new RegExp(
      String.raw`\([ \t]{0,20}(?<kq>["'])[\w.-]{0,120}(?:${family.words})(?:[_.-]?(?:${KEY_SUFFIXES}|\d{1,3})){0,2}\k<kq>[ \t]{0,20},[ \t]{0,20}(?<q>["'])(?<secret>[^"'\x60\n]{1,200})\k<q>[ \t]{0,20}\)`,
      'dgi',
    ),
  };
}

/** A default in a reference, `${DB_PASSWORD:secret}` (Spring) or `${DB_PASSWORD:-secret}` (shell, Compose). */
function defaultPattern(family: KeyFamily): LinePattern {
  return {
    needle: new RegExp(family.words, 'gi'),
    pattern: new RegExp(
      String.raw`(?<![\w.-])${keySource(family)}[ \t]{0,20}[:=][ \t]{0,20}["']?\$\{[A-Za-z_][\w.-]{0,80}:-?(?<secret>[^-}?\s"'][^}\s"']{0,200})\}`,
      'dgi',
    ),
  };
}

function credentialKeyRule(family: KeyFamily, format: TextFormat): PatternRule {
  const patterns: SecretPattern[] = [
    quotedPattern(family),
    lookupDefaultPattern(family),
    ...family.more,
    unquotedPattern(family),
    defaultPattern(family),
  ];
  return patternRule(family.kind, family.describe, patterns, {
    keep: (value, match) => {
      const separator = match.groups?.['unquoted'];
      if (separator === undefined) return isLiteral(family, value, format, true);
      return isLiteral(family, value, format, false) && isUnquotedLiteral(value, separator, format);
    },
  });
}

/**
 * Quoted values were chosen by their quotes; an unquoted one can also be a type, a flag or code. In
 * code, a line that starts with a password key and an unquoted value is config held in a string (a
 * `.env` block in a test, a YAML template) only where it is written as config is: `KEY=value` with no
 * space around `=` (`password = x` assigns a variable), or `key: value` (YAML); and its value counts
 * when it has the shape of a secret or cannot be code: never a name, a call, a member, an expression
 * or a line that goes on.
 */
function isUnquotedLiteral(value: string, separator: string, format: TextFormat): boolean {
  const trimmed = value.trim();
  if (NOT_A_VALUE.test(trimmed)) return false;
  if (format === 'config') return true;
  if (READS_AS_CODE.test(trimmed)) return false;
  if (format === 'unknown') return true;
  return CONFIG_SEPARATOR.test(separator) && !readsAsCodeInCode(trimmed);
}

const CONFIG_SEPARATOR = /^(?:=|:[ \t]+)$/;
const CODE_WORDS = /(?:^|\s)(?:await|new|yield|not|lambda|typeof|async|function|return|if|else|or|and|in|is|as|instanceof)(?:\s|$)/;

/** `form.password,`, `hash + salt`, `str, hashed: str`, `PasswordStr`: code, unless a secret's shape. */
function readsAsCodeInCode(value: string): boolean {
  if (/\s/.test(value)) return !/^[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*)+$/.test(value) || CODE_WORDS.test(value);
  if (/[,+*/%&|?\\]$|^[-+*/%&|?:]/.test(value)) return true;
  return /^[A-Za-z_$][\w$]*$/.test(value) && !hasSecretShape(value);
}

/** The rules of every key family, for a text of this format. */
export function credentialKeyRules(format: TextFormat): PatternRule[] {
  return [PASSWORD, SECRET].map((family) => credentialKeyRule(family, format));
}
