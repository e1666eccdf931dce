/**
 * Whether a value found by a rule has the shape of a secret, so that its other occurrences in a text
 * are secrets too: at least 8 characters with no white space, two kinds of character (lower case,
 * upper case, digits, symbols) and 5 distinct characters, and not a name. A name is a word or an
 * identifier, dotted or joined with `-`, with at most one digit at its end: `password`,
 * `changethis`, `password1`, `settings.DB_PASSWORD`, `email-server-password`; `Summer2024` is no name. Tokens, keys and
 * generated passwords (`hunter2hunter2`, `s3cr3t-Pass!`) pass; a common word never does.
 */
export function hasSecretShape(value: string): boolean {
  if (value.length < MIN_LENGTH || /\s/.test(value)) return false;
  if (NAME.test(value)) return false;
  const kinds = CHARACTER_KINDS.filter((kind) => kind.test(value)).length;
  return kinds >= 2 && new Set(value).size >= MIN_DISTINCT;
}

const MIN_LENGTH = 8;
const MIN_DISTINCT = 5;
const CHARACTER_KINDS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
/**
 * Letters and underscores in parts joined by `.` or `-`, perhaps with one digit at the very end. Two or
 * more digits after letters (`Summer2024`, `letmein123`) are how common passwords are made, not names.
 */
const NAME = /^[A-Za-z_$][A-Za-z_$]*(?:[.-][A-Za-z_$][A-Za-z_$]*)*[0-9]?$/;
