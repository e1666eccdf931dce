import { safeLoad } from 'js-yaml/lib/js-yaml/loader.js';

/** A markdown file's text with a leading byte-order mark dropped and every line ending made `\n`. */
export function normalizeMarkdown(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const OPEN = '---';
const CLOSE = '\n---';

/**
 * The YAML front matter's data and the body after it, of a normalized text. Throws what the YAML parser
 * throws (with its line), or for front matter that names a language other than YAML: no other language
 * is ever interpreted, and none runs code.
 *
 * This is what gray-matter answered for the one kind of front matter Architect reads (a `---` line,
 * optionally `---yaml`, YAML, a `---` line), without the rest of gray-matter: the YAML is parsed by
 * js-yaml's loader with its safe schema, as gray-matter did (docs/decisions/00xx-front-matter-without-gray-matter.md;
 * test/unit/build/trimmedDependencies.test.ts compares both on generated texts).
 */
export function readFrontMatter(normalized: string): { readonly data: unknown; readonly body: string } {
  const text = normalized.charCodeAt(0) === 0xfeff ? normalized.slice(1) : normalized;
  // `----` opens no front matter: it is a markdown rule.
  if (!text.startsWith(OPEN) || text[OPEN.length] === '-') return { data: {}, body: text };
  const firstLineEnd = text.indexOf('\n');
  const afterOpen = text.slice(OPEN.length);
  const language = (firstLineEnd === -1 ? afterOpen : text.slice(OPEN.length, firstLineEnd)).trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) throw new Error(REFUSED_LANGUAGE);
  // The YAML starts with the end of the opening line, so js-yaml's line numbers count from that line.
  const rest = language === '' ? afterOpen : text.slice(firstLineEnd === -1 ? text.length : firstLineEnd);
  const close = rest.indexOf(CLOSE);
  const yaml = close === -1 ? rest : rest.slice(0, close);
  const data = onlyComments(yaml) ? {} : (safeLoad(yaml) ?? {});
  const body = close === -1 ? '' : rest.slice(close + CLOSE.length).replace(/^\r?\n?/, '');
  return { data, body };
}

export const REFUSED_LANGUAGE = 'front matter in a language other than YAML refused';

/** Front matter of blank lines and comments holds no data (and is not handed to the parser). */
function onlyComments(yaml: string): boolean {
  return yaml.split('\n').every((line) => {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#');
  });
}
