import { sanitizeInline } from './inlineSanitizer';

export interface Fence {
  readonly char: string;
  readonly length: number;
  readonly indent: number;
  readonly info: string;
}

/** text: sanitized markdown; code: a line inside a fenced block; open/close: a fence line. */
export type LineRole = 'text' | 'code' | 'open' | 'close';

export interface SanitizedMarkdownLine {
  readonly output: string;
  readonly role: LineRole;
  readonly fence?: Fence;
}

/** What can be shown of a line before it is complete: nothing yet, all of it, or its text up to a trigger. */
export type PartialLine = 'wait' | 'code' | 'text';

/**
 * Untrusted markdown, one complete line at a time (a line ends at LF, CR or CRLF, as in CommonMark).
 * Fenced code is passed through as written; everything else goes through `sanitizeInline`.
 *
 * Passing code through is only safe while this agrees with the renderer about where code blocks are.
 * Plain fences (up to three spaces of indentation) are followed exactly. Where agreement would need the
 * list and quote structure (a fence after a list or quote marker, deeper indentation, a fence under a
 * list item that ends before its closing line), the rest of the answer is sanitized as text instead:
 * that can only show a stray escape inside code, never make anything live.
 */
export class MarkdownSanitizer {
  #fence: Fence | undefined;
  #degraded = false;
  #codeSpansCertain = true;

  get insideFence(): boolean {
    return this.#fence !== undefined;
  }

  line(content: string): SanitizedMarkdownLine {
    const indent = leadingBlanks(content);
    const blank = indent === content.length;
    if (this.#fence && this.#fence.indent > 0 && !blank && indent < this.#fence.indent) {
      this.#fence = undefined;
      this.#degraded = true;
    }
    if (this.#fence) return this.#fenceLine(content);
    if (!this.#degraded) {
      const fence = openingFence(content);
      if (fence) {
        this.#fence = fence;
        this.#codeSpansCertain = true;
        return { output: content, role: 'open', fence };
      }
      if (mayOpenFenceInContainer(content)) this.#degraded = true;
    }
    if (blank) {
      this.#codeSpansCertain = true;
      return { output: content, role: 'text' };
    }
    const sanitized = sanitizeInline(content, this.#codeSpansCertain);
    if (sanitized.carriesOver) this.#codeSpansCertain = false;
    return { output: sanitized.text, role: 'text' };
  }

  /** For a line seen up to its first non-blank character (`first`, after `indent` spaces or tabs). */
  partial(first: string, indent: number): PartialLine {
    const fence = this.#fence;
    if (fence && !(fence.indent > 0 && indent < fence.indent)) return indent <= 3 && first === fence.char ? 'wait' : 'code';
    if (!fence && !this.#degraded && (first === '`' || first === '~')) return 'wait';
    return 'text';
  }

  #fenceLine(content: string): SanitizedMarkdownLine {
    if (!this.#fence || !closesFence(this.#fence, content)) return { output: content, role: 'code' };
    this.#fence = undefined;
    this.#codeSpansCertain = true;
    return { output: content, role: 'close' };
  }
}

/** Spaces and tabs only: other white space (NBSP, ...) is content to a markdown renderer. */
export function leadingBlanks(line: string, from = 0): number {
  let at = from;
  while (isBlank(line[at])) at++;
  return at - from;
}

export function openingFence(line: string): Fence | undefined {
  const marker = parseFence(line);
  // A backtick fence's info string cannot contain backticks; such a line is not a fence.
  if (!marker || (marker.char === '`' && marker.info.includes('`'))) return undefined;
  return marker;
}

/** A closing fence: the same character, at least as long, nothing after it but spaces and tabs. */
export function closesFence(fence: Fence, line: string): boolean {
  const marker = parseFence(line);
  return marker !== undefined && marker.char === fence.char && marker.length >= fence.length && /^[ \t]*$/.test(marker.info);
}

/** Up to three spaces, then three or more backticks or tildes: the marker and what follows it. */
function parseFence(line: string): Fence | undefined {
  let indent = 0;
  while (indent < 4 && line[indent] === ' ') indent++;
  const char = line[indent];
  if (indent > 3 || (char !== '`' && char !== '~')) return undefined;
  let end = indent;
  while (line[end] === char) end++;
  if (end - indent < 3) return undefined;
  return { char, length: end - indent, indent, info: line.slice(end) };
}

/** A fence after quote or list markers, or indented more than three spaces, may open one in a container. */
function mayOpenFenceInContainer(line: string): boolean {
  let at = 0;
  for (let before = -1; before !== at;) {
    before = at;
    at += leadingBlanks(line, at);
    if (line[at] === '>') at++;
    else if ('-*+'.includes(line[at] ?? 'x') && isBlank(line[at + 1])) at += 2;
    else {
      let digits = 0;
      while (digits < 9 && /[0-9]/.test(line[at + digits] ?? '')) digits++;
      if (digits > 0 && '.)'.includes(line[at + digits] ?? 'x') && isBlank(line[at + digits + 1])) at += digits + 2;
    }
  }
  return line.startsWith('```', at) || line.startsWith('~~~', at);
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}
