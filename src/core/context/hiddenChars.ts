/**
 * Invisible and direction-changing characters can make code read differently from what it does
 * ("Trojan Source"), or smuggle instructions to a model. They are made visible and reported.
 *
 * The set is defined by Unicode properties, not by a list of code points, so that a character nobody
 * thought of is still covered: every default-ignorable code point (zero-width characters, fillers,
 * variation selectors, tags, the shorthand format controls), every format character (bidirectional
 * controls, the Arabic and Syriac number signs, the Egyptian hieroglyph format controls, the
 * interlinear annotation marks), every control character (ESC, BS, NUL, the C1 block with its CSI and
 * NEL, VT, FF), every space other than the plain one (no-break, the typographic widths, the
 * ideographic space), the line and paragraph separators, and lone surrogate halves. The braille blank
 * U+2800, the Khitan filler U+16FE4 and the musical null notehead U+1D159 are letters or symbols by
 * their properties but show as nothing, so they are added by hand.
 *
 * What is ordinary stays: in code, the tab, the line feed and a carriage return before a line feed (a
 * CRLF line end); in a name, which must stay on one line, only the tab. A carriage return anywhere else
 * is revealed: a model or a terminal may break the line there, and the text after it could pose as the
 * next numbered line of the prompt.
 *
 * Variation selectors can carry a byte each, so a sentence fits behind one emoji. They are revealed
 * with one exception that keeps ordinary emoji readable: a single U+FE0E or U+FE0F right after a
 * pictograph (❤️, ✔️), or inside a keycap (1️⃣). A second selector in a row, any other of U+FE00–FE0D,
 * and every supplementary selector (U+E0100–E01EF) is revealed. The zero-width joiner inside an emoji
 * sequence is revealed like any other: it is invisible, and a marker in code costs little.
 *
 * Every pattern is a character class or a one-character look-ahead: linear in the text.
 */
const INVISIBLE = String.raw`[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Bidi_Control}\p{Cs}\u2800\u{16FE4}\u{1D159}]|[^\P{Zs} ]`;

/** The hidden characters of a text, keeping the controls named in `ordinary` and, when asked, CR before LF. */
function hiddenPattern(ordinary: string, carriageReturnBeforeLineFeed: boolean): RegExp {
  const carriageReturn = carriageReturnBeforeLineFeed ? String.raw`|\r(?!\n)` : '';
  return new RegExp(`${INVISIBLE}|[^\\P{Cc}${ordinary}]${carriageReturn}`, 'gu');
}

const HIDDEN_IN_CODE = hiddenPattern(String.raw`\t\n\r`, true);
const HIDDEN_IN_NAME = hiddenPattern(String.raw`\t`, false);

/** Where the text stands: code keeps its tabs and line ends, a name keeps only its tabs. */
export type HiddenCharacterContext = 'code' | 'name';

const PATTERNS: Record<HiddenCharacterContext, RegExp> = { code: HIDDEN_IN_CODE, name: HIDDEN_IN_NAME };

const NAMES: Record<number, string> = {
  0x0000: 'null',
  0x0008: 'backspace',
  0x0009: 'tab',
  0x000a: 'line feed',
  0x000b: 'vertical tab',
  0x000c: 'form feed',
  0x000d: 'carriage return without line feed',
  0x001b: 'escape',
  0x007f: 'delete',
  0x0085: 'next line',
  0x009b: 'control sequence introducer',
  0x00a0: 'no-break space',
  0x202f: 'narrow no-break space',
  0x3000: 'ideographic space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x2800: 'braille pattern blank',
  0xfeff: 'zero-width no-break space',
  0x00ad: 'soft hyphen',
  0x061c: 'arabic letter mark',
  0x180e: 'mongolian vowel separator',
  0xfff9: 'interlinear annotation anchor',
  0xfffa: 'interlinear annotation separator',
  0xfffb: 'interlinear annotation terminator',
};

export interface HiddenCharacter {
  readonly codePoint: number;
  readonly name: string;
}

export function hiddenCharacterName(codePoint: number): string {
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag character';
  if ((codePoint >= 0x180b && codePoint <= 0x180d) || codePoint === 0x180f) return 'variation selector';
  if (codePoint >= 0x1d173 && codePoint <= 0x1d17a) return 'musical formatting character';
  if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) return 'variation selector';
  return NAMES[codePoint] ?? kindOf(String.fromCodePoint(codePoint));
}

function kindOf(character: string): string {
  if (CONTROL.test(character)) return 'control character';
  if (SPACE.test(character)) return 'unusual space';
  if (FORMAT.test(character)) return 'format character';
  return 'invisible character';
}

const CONTROL = /^\p{Cc}$/u;
const SPACE = /^\p{Zs}$/u;
const FORMAT = /^\p{Cf}$/u;

export function codePointLabel(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const KEYCAP_BASE = /^[#*0-9]$/;
const KEYCAP = 0x20e3;

function isVariationSelectorAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return (
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code === 0xdb40 && text.charCodeAt(offset + 1) >= 0xdd00 && text.charCodeAt(offset + 1) <= 0xddef)
  );
}

/** A lone text or emoji presentation selector on the pictograph or keycap before it: ordinary emoji. */
function isEmojiPresentation(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if ((code !== 0xfe0e && code !== 0xfe0f) || offset === 0) return false;
  if (isVariationSelectorAt(text, offset + 1)) return false;
  const low = text.charCodeAt(offset - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && offset >= 2;
  const base = text.slice(pair ? offset - 2 : offset - 1, offset);
  if (PICTOGRAPH.test(base)) return true;
  return KEYCAP_BASE.test(base) && text.charCodeAt(offset + 1) === KEYCAP;
}

/**
 * Whether revealing the hidden characters of any line of `text` could change it: a quick test of many
 * lines at once, since a line has none nearly always. A carriage return counts wherever it is, because
 * one that ends a line is revealed while the same one before a line break of `text` is not.
 */
export function mayHaveHiddenCharacters(text: string): boolean {
  HIDDEN_IN_CODE.lastIndex = 0;
  const found = HIDDEN_IN_CODE.test(text) || text.includes('\r');
  HIDDEN_IN_CODE.lastIndex = 0;
  return found;
}

/**
 * Replaces each hidden character with a visible marker such as ⟦U+202E⟧, so the model sees it too,
 * and returns what was found. Code (the default) keeps its tabs and line ends; a name keeps only tabs.
 */
export function revealHiddenCharacters(text: string, context: HiddenCharacterContext = 'code'): { text: string; found: HiddenCharacter[] } {
  const found: HiddenCharacter[] = [];
  const hidden = PATTERNS[context];
  hidden.lastIndex = 0;
  if (!hidden.test(text)) return { text, found };
  hidden.lastIndex = 0;
  const revealed = text.replace(hidden, (character: string, offset: number) => {
    if (isEmojiPresentation(text, offset)) return character;
    const codePoint = character.codePointAt(0) ?? 0;
    found.push({ codePoint, name: hiddenCharacterName(codePoint) });
    return `⟦${codePointLabel(codePoint)}⟧`;
  });
  return { text: revealed, found };
}
