import matter from 'gray-matter';

/**
 * gray-matter picks an engine from the text after the opening `---`; `---js` would `eval` the block.
 * Persona and instruction files are untrusted, so every engine that runs code is replaced by one that
 * refuses: no front matter but YAML (and JSON, which is data) is ever interpreted.
 */
const refuseCode = {
  parse(): never {
    throw new Error('code front matter refused');
  },
};
const SAFE_ENGINES = { js: refuseCode, javascript: refuseCode, coffee: refuseCode, coffeescript: refuseCode, cson: refuseCode };

/** A markdown file's text with a leading byte-order mark dropped and every line ending made `\n`. */
export function normalizeMarkdown(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The YAML front matter's data and the body after it, of a normalized text. Throws what the YAML parser
 * throws (with its line), or for front matter in a language that runs code.
 */
export function readFrontMatter(normalized: string): { readonly data: unknown; readonly body: string } {
  // Passing options also keeps gray-matter from caching every file it has seen in a global map.
  const file = matter(normalized, { language: 'yaml', engines: SAFE_ENGINES });
  return { data: file.data, body: file.content };
}
