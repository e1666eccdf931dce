/** What `/changes` reviews: the uncommitted changes, the staged ones, or everything since a ref. */
export type ChangesScope =
  | { readonly kind: 'uncommitted' }
  | { readonly kind: 'staged' }
  /** `known` is false for a word shaped like a ref that names nothing: the answer says so. */
  | { readonly kind: 'ref'; readonly ref: string; readonly known: boolean };

export interface ChangesRequest {
  readonly scope: ChangesScope;
  readonly question: string;
}

/**
 * A word that cannot be an ordinary word of a question, so it must be meant as a ref: it has a slash
 * (`origin/main`), is 7–40 hex digits (an abbreviated or full commit id), or ends in `~N` or `^`.
 */
export function looksLikeRef(word: string): boolean {
  return word.includes('/') || /^[0-9a-f]{7,40}$/i.test(word) || /~\d*$/.test(word) || /\^$/.test(word);
}

/**
 * Whether a word may be handed to git as a revision at all: nothing git could read as an option (a
 * leading `-`), no range (`..`), no spaces or control characters, only the characters refs are made of.
 */
export function isSafeRevision(word: string): boolean {
  return (
    word.length > 0 &&
    word.length <= 200 &&
    !word.startsWith('-') &&
    !word.includes('..') &&
    !word.includes('//') &&
    /^[A-Za-z0-9._/@{}~^+-]+$/.test(word)
  );
}

/**
 * Reads `/changes [staged | <ref>] [question]`. The first word is a ref when it names an existing
 * branch, tag or commit (`exists`, asked only for words git may safely see) or has the shape of one;
 * otherwise the whole prompt is the question.
 */
export async function parseChangesArgs(prompt: string, exists: (revision: string) => Promise<boolean>): Promise<ChangesRequest> {
  const trimmed = prompt.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { scope: { kind: 'uncommitted' }, question: '' };
  const [, first = '', rest = ''] = match;
  if (first.toLowerCase() === 'staged') return { scope: { kind: 'staged' }, question: rest.trim() };
  const shaped = looksLikeRef(first);
  const known = isSafeRevision(first) && (await exists(first));
  if (known || shaped) return { scope: { kind: 'ref', ref: first, known }, question: rest.trim() };
  return { scope: { kind: 'uncommitted' }, question: trimmed };
}
