/**
 * Invisible and direction-changing characters can make code read differently from what it does
 * ("Trojan Source"), or smuggle instructions to a model. They are made visible and reported.
 */
// Variation selectors are left out on purpose: emoji in comments and strings use them all the time.
// The class lists single invisible code points, some of them combining marks, on purpose.
const HIDDEN =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

const NAMES: Record<number, string> = {
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
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
  0xfeff: 'zero-width no-break space',
  0x00ad: 'soft hyphen',
  0x061c: 'arabic letter mark',
};

export interface HiddenCharacter {
  readonly codePoint: number;
  readonly name: string;
}

export function hiddenCharacterName(codePoint: number): string {
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag character';
  return NAMES[codePoint] ?? 'invisible character';
}

export function codePointLabel(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Replaces each hidden character with a visible marker such as ⟦U+202E⟧, so the model sees it too,
 * and returns what was found.
 */
export function revealHiddenCharacters(text: string): { text: string; found: HiddenCharacter[] } {
  const found: HiddenCharacter[] = [];
  if (!HIDDEN.test(text)) return { text, found };
  HIDDEN.lastIndex = 0;
  const revealed = text.replace(HIDDEN, (character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    found.push({ codePoint, name: hiddenCharacterName(codePoint) });
    return `⟦${codePointLabel(codePoint)}⟧`;
  });
  return { text: revealed, found };
}
