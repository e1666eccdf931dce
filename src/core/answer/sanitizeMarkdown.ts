/**
 * Model output is untrusted markdown (RELIABILITY R08). Outside code, this makes inert whatever would
 * fetch or run something when rendered: images (remote or data-carrying URLs), links to `command:`,
 * `vscode:`, `javascript:`, `data:` or `file:` targets, and raw HTML that loads content. Code spans and
 * code blocks are left exactly as they are.
 *
 * Every construct handled here starts with "!", "[" or "<", so a line prefix without those characters
 * is never changed: the streaming filter relies on that to forward text before its line is complete.
 */
export const SANITIZER_TRIGGERS = /[![<]/;

const UNSAFE_SCHEMES = 'command|vscode|vscode-insiders|javascript|data|file|vbscript';
const UNSAFE_SCHEME = new RegExp(`^\\s*<?\\s*(${UNSAFE_SCHEMES})\\s*:`, 'i');
const IMAGE = /!\[([^\]\n]*)\]\(([^)\n]*)\)/g;
const LINK = /\[([^\]\n]*)\]\(([^)\n]*)\)/g;
/** A link target with an unsafe scheme, whatever its label looks like (nested brackets included). */
const UNSAFE_TARGET = new RegExp(`\\]\\(\\s*<?\\s*(?=(?:${UNSAFE_SCHEMES})\\s*:)`, 'gi');
const AUTOLINK = /<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi;
const HTML_TAG = /<(\/?)(img|image|iframe|frame|object|embed|video|audio|source|picture|svg|link|meta|script|style|form|input|a|base)\b/gi;
/** A reference definition ("[r]: url"), also inside block quotes and list items. */
const REFERENCE_DEFINITION = /^((?:\s{0,3}(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*\s{0,3})\[([^\]\n]+)\]:/;

export function sanitizeLine(line: string): string {
  if (!SANITIZER_TRIGGERS.test(line)) return line;
  const definition = REFERENCE_DEFINITION.exec(line);
  // A reference definition can turn "![x][ref]" anywhere into an image: keep it as literal text.
  if (definition) return `${definition[1]}\\[${definition[2]}\\]:${outsideCodeSpans(line.slice(definition[0].length), sanitizeText)}`;
  return outsideCodeSpans(line, sanitizeText);
}

/**
 * Well-formed images become a short placeholder; any "![" left after that (nested brackets, alt text
 * that goes on on the next line, reference images) is escaped, so no image can render at all.
 */
function sanitizeText(text: string): string {
  return text
    .replace(IMAGE, (_whole, alt: string) => imagePlaceholder(alt))
    .replace(/!\[/g, '!\\[')
    .replace(LINK, (whole, label: string, target: string) => (UNSAFE_SCHEME.test(target) ? label : whole))
    .replace(UNSAFE_TARGET, ']\\(')
    .replace(AUTOLINK, (whole, target: string) => (UNSAFE_SCHEME.test(target) ? `\\<${target}\\>` : whole))
    .replace(HTML_TAG, (_whole, slash: string, tag: string) => `&lt;${slash}${tag}`);
}

function imagePlaceholder(alt: string): string {
  const label = alt.trim() === '' ? 'image' : alt.trim();
  return `*[${label.replace(/[[\]]/g, '')}: image not loaded]*`;
}

/** Applies `transform` to the parts of a line that are not inside `code spans`. */
function outsideCodeSpans(line: string, transform: (text: string) => string): string {
  let result = '';
  let at = 0;
  while (at < line.length) {
    const open = line.indexOf('`', at);
    if (open === -1) break;
    let run = 1;
    while (line[open + run] === '`') run++;
    const ticks = '`'.repeat(run);
    let close = line.indexOf(ticks, open + run);
    while (close !== -1 && line[close + run] === '`') close = line.indexOf(ticks, close + run + 1);
    if (close === -1) break;
    result += transform(line.slice(at, open)) + line.slice(open, close + run);
    at = close + run;
  }
  return result + transform(line.slice(at));
}
