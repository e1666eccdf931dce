import { TextBuilder } from './textBuilder';

/**
 * The line the model is still writing. Every chunk is looked at once, when it arrives; the line as a
 * whole is read when it is complete (and at most once before, when its start becomes forwardable after
 * a wait), so a long line in tiny chunks costs linear time.
 */
export class LineInProgress {
  readonly #text = new TextBuilder();
  /** How much of the line has been forwarded. */
  shown = 0;
  /** The first character that is not a space or tab, and how many of those come before it. */
  first: string | undefined;
  indent = 0;
  #lastChunk = '';
  /** What was not forwarded before the last chunk, when that is at most one character (a held "!"). */
  #carried: string | undefined = '';
  #stopped = false;

  get length(): number {
    return this.#text.length;
  }

  get content(): string {
    return this.#text.toString();
  }

  append(chunk: string): void {
    if (chunk === '') return;
    const before = this.#text.length;
    this.#carried = this.shown === before ? '' : this.shown === before - 1 ? this.#lastChunk.slice(-1) : undefined;
    this.#lastChunk = chunk;
    this.#text.add(chunk);
    for (let at = 0; this.first === undefined && at < chunk.length; at++) {
      const char = chunk[at] ?? '';
      if (char === ' ' || char === '\t') this.indent++;
      else this.first = char;
    }
  }

  takeAll(): string {
    const unshown = this.#unshown();
    return this.#take(unshown, unshown.length);
  }

  /**
   * Text up to the first character that may start something the sanitizer changes: "[", "]", "<", a
   * backtick, or "!" before "[" (or at the end, until the next character shows). Nothing after it is
   * forwarded before the end of the line.
   */
  takeUpToTrigger(): string {
    if (this.#stopped) return '';
    const unshown = this.#unshown();
    for (let at = 0; at < unshown.length; at++) {
      const char = unshown[at];
      if (char === '[' || char === ']' || char === '<' || char === '`' || (char === '!' && unshown[at + 1] === '[')) {
        this.#stopped = true;
        return this.#take(unshown, at);
      }
    }
    return this.#take(unshown, unshown.endsWith('!') ? unshown.length - 1 : unshown.length);
  }

  /**
   * What has not been forwarded, asked once per chunk: usually the last chunk (and a held "!"); only
   * when the start of the line becomes forwardable after a wait is the whole line read, once.
   */
  #unshown(): string {
    return this.#carried === undefined ? this.content.slice(this.shown) : this.#carried + this.#lastChunk;
  }

  #take(unshown: string, count: number): string {
    if (count <= 0) return '';
    this.shown += count;
    return unshown.slice(0, count);
  }
}
