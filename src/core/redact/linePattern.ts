/**
 * A pattern searched only in the lines that hold its needle. Some rules cannot start at a distinctive
 * prefix (a password key is up to 40 word characters before `password`, a URL scheme comes before
 * `://`), so the regex engine tries a match at almost every position of a text: these few patterns took
 * most of the time of redaction. Most lines hold no needle; searching only those that do finds the same
 * matches, provided no match crosses a line break and every match contains the needle.
 */
export interface LinePattern {
  /** Occurs in every match of `pattern`, with the same case rules; never holds a line break. */
  readonly needle: RegExp;
  /** Global; no match of it contains a `\n`. */
  readonly pattern: RegExp;
}

export type SecretPattern = RegExp | LinePattern;

export interface PatternMatch {
  readonly match: RegExpMatchArray;
  /** Where the text the match was found in starts: add it to the match's offsets. */
  readonly offset: number;
}

/** The matches of a pattern in `text`, in order, as `text.matchAll` would give them. */
export function* matchesOf(text: string, pattern: SecretPattern): Generator<PatternMatch> {
  if (pattern instanceof RegExp) {
    for (const match of text.matchAll(pattern)) yield { match, offset: 0 };
    return;
  }
  // A copy, so the position of this search is its own.
  const needle = new RegExp(pattern.needle.source, pattern.needle.flags.includes('g') ? pattern.needle.flags : `${pattern.needle.flags}g`);
  for (let hit = needle.exec(text); hit; hit = needle.exec(text)) {
    // Each line is searched once, from its start (the previous line's end, so the look back is bounded
    // by it and the whole search stays linear), however many needles it holds.
    const start = text.lastIndexOf('\n', hit.index) + 1;
    const newline = text.indexOf('\n', hit.index);
    const end = newline === -1 ? text.length : newline;
    for (const match of text.slice(start, end).matchAll(pattern.pattern)) yield { match, offset: start };
    needle.lastIndex = end + 1;
  }
}
