/**
 * A long string built from many small pieces in linear time. In V8 neither one `Array.join` over
 * hundreds of thousands of tiny strings nor as many `+=` stays linear; joining in small batches does.
 */
export class TextBuilder {
  #batch: string[] = [];
  readonly #batches: string[] = [];
  length = 0;

  add(text: string): void {
    if (text === '') return;
    this.#batch.push(text);
    this.length += text.length;
    if (this.#batch.length >= 256) this.#seal();
  }

  toString(): string {
    this.#seal();
    if (this.#batches.length > 1) this.#batches.splice(0, this.#batches.length, this.#batches.join(''));
    return this.#batches[0] ?? '';
  }

  #seal(): void {
    if (this.#batch.length === 0) return;
    this.#batches.push(this.#batch.join(''));
    this.#batch = [];
  }
}
