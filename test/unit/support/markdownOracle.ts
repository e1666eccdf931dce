import MarkdownIt from 'markdown-it';

/**
 * markdown-it as an independent judge of sanitized output (tests only): what would load or run when
 * the text is rendered with raw HTML allowed, as the Markdown preview of a saved design doc does.
 */
const markdown = new MarkdownIt({ html: true });

const LOADING_TAGS = new Set([
  'img',
  'image',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'picture',
  'svg',
  'link',
  'meta',
  'script',
  'style',
  'form',
  'input',
  'base',
  'body',
]);
const LOADING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'background',
  'poster',
  'data',
  'action',
  'formaction',
  'xlink:href',
  'lowsrc',
  'dynsrc',
]);
const UNSAFE_HREF = /^(?:command|vscode[a-z0-9+.-]*|file|javascript|vbscript|data):/;

/** Everything live in the rendered HTML; empty when the markdown is inert. */
export function liveContent(text: string): string[] {
  const html = markdown.render(text);
  const found: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const name = (tag[1] ?? '').toLowerCase();
    if (LOADING_TAGS.has(name)) found.push(`<${name}>`);
    for (const attribute of (tag[2] ?? '').matchAll(/([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const key = (attribute[1] ?? '').toLowerCase();
      const value = decodeAttribute(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
      if (LOADING_ATTRIBUTES.has(key) || key.startsWith('on')) found.push(`${name} ${key}=`);
      if (key === 'style' && /url\s*\(|@import|expression\s*\(/i.test(value)) found.push(`${name} style with url()`);
      if (key === 'href' && UNSAFE_HREF.test(cleanUrl(value))) found.push(`href=${value}`);
    }
  }
  return found;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_whole, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()] ?? '';
    return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });
}

/** What a browser or VS Code would take the scheme from: percent-escapes decoded, tabs and breaks dropped. */
function cleanUrl(value: string): string {
  const decoded = value.replace(/%([0-9a-f]{2})/gi, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const withoutBreaks = decoded.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < withoutBreaks.length && withoutBreaks.charCodeAt(start) <= 0x20) start++;
  return withoutBreaks.slice(start).toLowerCase();
}
