/**
 * Invisible and direction-changing characters can make code read differently from what it does
 * ("Trojan Source"), or smuggle instructions to a model. They are made visible and reported.
 *
 * Line breaks other than "\n" (a lone CR, VT, FF, NEL, the Unicode line and paragraph separators) are
 * revealed too: a model or a terminal may break the line there, and the text after it could pose as the
 * next numbered line of the prompt. So are the interlinear annotation marks (U+FFF9–FFFB), the Mongolian
 * free variation selectors (U+180B–180F) and the musical formatting characters (U+1D173–1D17A): all
 * invisible, all able to hide text between visible characters.
 *
 * Variation selectors can carry a byte each, so a sentence fits behind one emoji. They are revealed
 * with one exception that keeps ordinary emoji readable: a single U+FE0E or U+FE0F right after a
 * pictograph (❤️, ✔️), or inside a keycap (1️⃣). A second selector in a row, any other of U+FE00–FE0D,
 * and every supplementary selector (U+E0100–E01EF) is revealed.
 */
// The class lists single invisible code points, some of them combining marks or controls (VT, FF), on purpose.
const HIDDEN =
  // eslint-disable-next-line no-misleading-character-class, no-control-regex
  /[\u000B\u000C\u0085\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\r(?!\n)|\uDB40[\uDC00-\uDC7F\uDD00-\uDDEF]|\uD834[\uDD73-\uDD7A]/g;

const NAMES: Record<number, string> = {
  0x000b: 'vertical tab',
  0x000c: 'form feed',
  0x000d: 'carriage return without line feed',
  0x0085: 'next line',
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
  return NAMES[codePoint] ?? 'invisible character';
}

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
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.test(text) || text.includes('\r');
  HIDDEN.lastIndex = 0;
  return found;
}

/**
 * Replaces each hidden character with a visible marker such as ⟦U+202E⟧, so the model sees it too,
 * and returns what was found.
 */
export function revealHiddenCharacters(text: string): { text: string; found: HiddenCharacter[] } {
  const found: HiddenCharacter[] = [];
  HIDDEN.lastIndex = 0;
  if (!HIDDEN.test(text)) return { text, found };
  HIDDEN.lastIndex = 0;
  const revealed = text.replace(HIDDEN, (character: string, offset: number) => {
    if (isEmojiPresentation(text, offset)) return character;
    const codePoint = character.codePointAt(0) ?? 0;
    found.push({ codePoint, name: hiddenCharacterName(codePoint) });
    return `⟦${codePointLabel(codePoint)}⟧`;
  });
  return { text: revealed, found };
}
