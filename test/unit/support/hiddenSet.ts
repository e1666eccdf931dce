import fc from 'fast-check';

/**
 * The hidden characters by their definition, written apart from `src/core/context/hiddenChars.ts` so a
 * test can hold the code to it: every default-ignorable, control, format, separator and non-plain space
 * code point, and the three blank-rendering ones added by hand.
 */
export const BY_PROPERTY = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Bidi_Control}\u2800\u{1D159}]|\u{16FE4}/u;

/** Every code point of the set, less the tab, line feed and carriage return code holds legitimately. */
export const HIDDEN_IN_CODE_SET: readonly number[] = Array.from({ length: 0x110000 }, (_, codePoint) => codePoint).filter(
  (codePoint) =>
    (codePoint < 0xd800 || codePoint > 0xdfff) &&
    ![0x09, 0x0a, 0x0d, 0x20].includes(codePoint) &&
    BY_PROPERTY.test(String.fromCodePoint(codePoint)),
);

/** One code point of the set, as fast-check draws it. */
export const hiddenCodePoint = fc.constantFrom(...HIDDEN_IN_CODE_SET);

export function markerOf(codePoint: number): string {
  return `⟦U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟧`;
}

/** Whether any character of the set (the ordinary tab, LF, CR and space aside) is left in `text`. */
export function holdsHidden(text: string): boolean {
  return [...text].some((character) => BY_PROPERTY.test(character) && !'\t\n\r '.includes(character));
}

/** Printable code as people write it: ASCII, a few letters beyond it, tabs, LF and CRLF line ends. */
export const ordinaryCode = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('\t', '\n', '\r\n', 'é', 'ß', 'λ', '中', '→'),
  ),
  maxLength: 40,
});
