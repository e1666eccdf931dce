import { sanitizeInline } from './inlineSanitizer';
import { leadingBlanks, MarkdownSanitizer } from './markdownLines';
import { TextBuilder } from './textBuilder';

/**
 * Model output is untrusted markdown (RELIABILITY R08, R34). Outside code, whatever would fetch or run
 * something when rendered is made inert: images, links to anything but web and mail addresses (their
 * targets judged after decoding escapes, character references and percent-escapes), reference
 * definitions, and all raw HTML. Fenced code is left exactly as it is. Every function here reads each
 * character a bounded number of times, so the work is linear in the text (R33).
 */

/**
 * A piece of model output shown on its own (a note, a table cell): every line is sanitized as text, with
 * code spans kept only where their extent is certain. No fence is honoured.
 */
export function sanitizeLine(text: string): string {
  const out = new TextBuilder();
  let codeSpansCertain = true;
  for (const [content, terminator] of splitLines(text)) {
    const sanitized = sanitizeInline(content, codeSpansCertain);
    if (leadingBlanks(content) === content.length) codeSpansCertain = true;
    else if (sanitized.carriesOver) codeSpansCertain = false;
    out.add(sanitized.text);
    out.add(terminator);
  }
  return out.toString();
}

/** A whole answer, as the chat and a saved design doc show it: the same as the stream filter's output. */
export function sanitizeMarkdown(text: string): string {
  const sanitizer = new MarkdownSanitizer();
  const out = new TextBuilder();
  for (const [content, terminator] of splitLines(text)) {
    out.add(sanitizer.line(content).output);
    out.add(terminator);
  }
  return out.toString();
}

/** Lines and their endings; LF, CR and CRLF all end a line, as in CommonMark. */
export function splitLines(text: string): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char !== '\n' && char !== '\r') continue;
    const crlf = char === '\r' && text[at + 1] === '\n';
    lines.push([text.slice(start, at), crlf ? '\r\n' : char]);
    if (crlf) at++;
    start = at + 1;
  }
  if (start < text.length) lines.push([text.slice(start), '']);
  return lines;
}
