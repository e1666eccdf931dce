import { inertName } from '../protect/inertName';

/**
 * A field of a finding (its title, fix, rule, file) on its way to an agent that can edit files and run
 * commands. The text came from reviewed code through a model, so it is data: one line, hidden and
 * control characters shown, bounded, every character that could open markdown or HTML escaped, and
 * the two forms a renderer links by itself (`scheme://`, `www.`) broken up. Each step is one pass of
 * a fixed pattern, so the work is linear in the (already bounded) text.
 */
// Everything that opens inline markdown, HTML, an entity or math, and the quote that delimits a field.
const INLINE_ACTIVE = /[\\`*_[\]()<>!|~&{}$@"]/g;
const AUTOLINK = /:\/\/|www\./gi;
// A file name or rule that needs no quotes: nothing but the characters of an ordinary path, with an
// underscore only between letters or digits (where it can never open emphasis).
const PLAIN = /^(?:[A-Za-z0-9./-]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))+$/;

export function inertField(text: string, maxLength: number): string {
  return inertName(text, maxLength)
    .replace(INLINE_ACTIVE, (character) => `\\${character}`)
    .replace(AUTOLINK, (match) => (match === '://' ? '\\:\\/\\/' : `${match.slice(0, 3)}\\.`));
}

/** The field in double quotes: where it starts and ends is never in doubt. */
export function quotedField(text: string, maxLength: number): string {
  return `"${inertField(text, maxLength)}"`;
}

/** A name shown bare when it is an ordinary path or rule id, quoted otherwise. */
export function nameField(text: string, maxLength: number): string {
  return PLAIN.test(text) && text.length <= maxLength ? text : quotedField(text, maxLength);
}
