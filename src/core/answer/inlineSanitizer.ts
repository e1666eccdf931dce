import { isUnsafeDestination } from './linkTarget';
import { TextBuilder } from './textBuilder';

export interface SanitizedLine {
  readonly text: string;
  /** The line holds something that can pair with a backtick on a later line of the same paragraph. */
  readonly carriesOver: boolean;
}

/**
 * One left-to-right pass over one line of markdown outside code blocks; each character is looked at a
 * bounded number of times, so the work is linear in the line (nothing here may backtrack).
 *
 * What it makes inert: every image (a placeholder, or "!\[" when not well formed), every link whose
 * target is not a web or mail address (kept as its label, or with "](" escaped), every reference
 * definition ("]:" escaped, so "[x][ref]" can never resolve), and every HTML tag, comment or
 * declaration ("<" written as "&lt;"), so no attribute can load anything and no HTML block can start.
 *
 * Code spans are kept as written only when their extent is certain (`trustCodeSpans`, no earlier
 * construct on the line that could swallow a backtick, single backticks); any other code span is
 * sanitized like text, which can only show a stray backslash inside code.
 */
export function sanitizeInline(line: string, trustCodeSpans: boolean): SanitizedLine {
  return new InlineScanner(line, trustCodeSpans).run();
}

/** Characters after which a later backtick may belong to another construct (escape, HTML, link, math, strike). */
const SWALLOWS_BACKTICK = '\\<]$~';
/** Characters that can open such a construct across a line break (math, strike-through). */
const CROSSES_LINES = '$~';

class InlineScanner {
  /** Output so far; while a "[" is open, what follows it goes to `label` until its "]" decides. */
  readonly #head = new TextBuilder();
  #label: TextBuilder | undefined;
  #copied = 0;
  #at = 0;
  #backslashes = 0;
  #suspect = false;
  #carriesOver = false;
  readonly #nextBracket: NextOf;
  readonly #nextParen: NextOf;
  readonly #nextTick: NextOf;
  readonly #nextPipe: NextOf;
  readonly #nextSpaceOrQuote: NextOf;

  readonly #line: string;
  #trustCodeSpans: boolean;

  constructor(line: string, trustCodeSpans: boolean) {
    this.#line = line;
    this.#trustCodeSpans = trustCodeSpans;
    this.#nextBracket = nextOf(line, '[]');
    this.#nextParen = nextOf(line, '()');
    this.#nextTick = nextOf(line, '`');
    this.#nextPipe = nextOf(line, '|');
    this.#nextSpaceOrQuote = nextOf(line, ' \t"\'<');
  }

  run(): SanitizedLine {
    while (this.#at < this.#line.length) {
      const char = this.#line[this.#at] ?? '';
      if (char === '\\') {
        this.#backslashes++;
        this.#suspect = true;
        this.#at++;
        continue;
      }
      const escaped = this.#backslashes % 2 === 1;
      this.#backslashes = 0;
      this.#note(char);
      if (!escaped) this.#step(char);
      else {
        // An escaped backtick is text: what follows on this line is no longer certain.
        if (char === '`') this.#trustCodeSpans = false;
        this.#at++;
      }
    }
    this.#flush(this.#line.length);
    this.#settleOpener('[');
    return { text: this.#head.toString(), carriesOver: this.#carriesOver };
  }

  #note(char: string): void {
    if (SWALLOWS_BACKTICK.includes(char)) this.#suspect = true;
    if (CROSSES_LINES.includes(char)) this.#carriesOver = true;
    // A bare URL ("https://…", "www.…") is a link in GFM renderers, and may end after a backtick.
    if (char === ':' && this.#line.startsWith('//', this.#at + 1)) this.#suspect = true;
    if (char === '.' && this.#line.slice(this.#at - 3, this.#at).toLowerCase() === 'www') this.#suspect = true;
  }

  #step(char: string): void {
    if (char === '`') this.#backtick();
    else if (char === '!' && this.#line[this.#at + 1] === '[') this.#image();
    else if (char === '[') this.#openBracket();
    else if (char === ']') this.#closeBracket();
    else if (char === '<') this.#angle();
    else this.#at++;
  }

  #backtick(): void {
    let run = 1;
    while (this.#line[this.#at + run] === '`') run++;
    const close = run === 1 ? this.#nextTick(this.#at + 1) : this.#line.length;
    const certain =
      this.#trustCodeSpans &&
      !this.#suspect &&
      close < this.#line.length &&
      this.#line[close + 1] !== '`' &&
      this.#nextPipe(this.#at + 1) > close;
    if (certain) {
      this.#at = close + 1;
      return;
    }
    this.#trustCodeSpans = false;
    this.#carriesOver = true;
    this.#at += run;
  }

  /** "![alt](target)" becomes a placeholder; any other "![" is escaped, so no image form survives. */
  #image(): void {
    const altEnd = this.#nextBracket(this.#at + 2);
    const targetEnd = this.#line.startsWith('](', altEnd) ? this.#nextParen(altEnd + 2) : -1;
    if (targetEnd !== -1) this.#noteTarget(altEnd + 2);
    if (this.#line[targetEnd] === ')') {
      this.#replace(this.#at, targetEnd + 1, imagePlaceholder(this.#line.slice(this.#at + 2, altEnd)));
    } else {
      this.#replace(this.#at + 1, this.#at + 2, '\\[');
    }
  }

  #openBracket(): void {
    this.#flush(this.#at);
    this.#settleOpener('[');
    this.#label = new TextBuilder();
    this.#copied = ++this.#at;
  }

  /** Writes the open "[" as `bracket` ("[", "\\[" or nothing) followed by what came after it. */
  #settleOpener(bracket: string): void {
    if (this.#label === undefined) return;
    this.#head.add(bracket);
    this.#head.add(this.#label.toString());
    this.#label = undefined;
  }

  #emit(text: string): void {
    (this.#label ?? this.#head).add(text);
  }

  #closeBracket(): void {
    const next = this.#line[this.#at + 1];
    if (next === ':') {
      // A reference definition, possibly with its label begun on an earlier line: never let it define.
      this.#flush(this.#at);
      this.#settleOpener('\\[');
      this.#replace(this.#at, this.#at + 1, '\\]');
      return;
    }
    if (next === '(') {
      this.#noteTarget(this.#at + 2);
      if (isUnsafeDestination(this.#line, this.#at + 2)) return this.#unsafeLink();
    }
    this.#flush(this.#at);
    this.#settleOpener('[');
    this.#at++;
  }

  /**
   * A link target with a title, or not closed on this line, may go on on the next line and hold a
   * backtick there: code spans on the following lines are then no longer certain.
   */
  #noteTarget(start: number): void {
    const close = this.#nextParen(start);
    if (this.#line[close] !== ')' || this.#nextSpaceOrQuote(start) < close) this.#carriesOver = true;
  }

  /** A link to an unsafe target: its label alone when the whole link is on this line, else "](" escaped. */
  #unsafeLink(): void {
    const end = this.#nextParen(this.#at + 2);
    if (this.#label !== undefined && this.#line[end] === ')') {
      this.#flush(this.#at);
      this.#settleOpener('');
      this.#replace(this.#at, end + 1, '');
    } else {
      this.#replace(this.#at + 1, this.#at + 2, '\\(');
    }
  }

  /** Web and mail autolinks stay; anything else that could start HTML or an autolink is escaped. */
  #angle(): void {
    const after = this.#line.slice(this.#at + 1, this.#at + 8).toLowerCase();
    const webAutolink = after.startsWith('http:') || after.startsWith('https:') || after.startsWith('mailto:');
    if (!webAutolink && /^[a-z/!?]/.test(after)) this.#replace(this.#at, this.#at + 1, '&lt;');
    else this.#at++;
  }

  /** Writes `text` in place of line[from, to) and goes on after it. */
  #replace(from: number, to: number, text: string): void {
    this.#flush(from);
    this.#emit(text);
    this.#copied = to;
    this.#at = to;
    this.#trustCodeSpans = false;
  }

  #flush(to: number): void {
    if (to > this.#copied) this.#emit(this.#line.slice(this.#copied, to));
    this.#copied = Math.max(this.#copied, to);
  }
}

function imagePlaceholder(alt: string): string {
  const label = sanitizeInline(alt, false).text.replace(/[[\]]/g, '').trim();
  return `*[${label === '' ? 'image' : label}: image not loaded]*`;
}

/** The index of the next of some characters at or after a position (the line length if none). */
type NextOf = (start: number) => number;

/** Answers each question in O(1): the table is built once per line on first use, from the end. */
function nextOf(text: string, chars: string): NextOf {
  let table: Int32Array | undefined;
  return (start) => {
    if (table === undefined) {
      table = new Int32Array(text.length + 1);
      table[text.length] = text.length;
      for (let at = text.length - 1; at >= 0; at--) {
        table[at] = chars.includes(text[at] ?? '') ? at : (table[at + 1] ?? text.length);
      }
    }
    return table[Math.min(Math.max(start, 0), text.length)] ?? text.length;
  };
}
