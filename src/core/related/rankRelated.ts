import { type LineRange } from '../findings/shownLines';
import { RELATED_RANK, type RelatedCandidate } from './relatedCode';

/** A candidate as a gatherer found it, with the place of its use among the reviewed lines. */
export interface FoundRelated {
  readonly candidate: RelatedCandidate;
  /** The index of the use it answers, in reading order of the reviewed lines (callers: of the symbol called). */
  readonly useIndex: number;
}

/** Candidates in all. */
const MAX_RELATED = 40;
/** Callers of one symbol. */
export const MAX_CALLERS_PER_SYMBOL = 5;

/**
 * The order the contract asks for: definitions of what the reviewed lines use (in the order they are
 * used), then types, then callers (at most a few per symbol). Each symbol once, each piece of a file
 * once (a piece inside one already taken adds nothing), and no more than `MAX_RELATED`.
 */
export function rankRelated(found: readonly FoundRelated[]): RelatedCandidate[] {
  // Array sort is stable: pieces that rank the same keep the order they arrived in.
  const ordered = [...found].sort((a, b) => RELATED_RANK[a.candidate.reason] - RELATED_RANK[b.candidate.reason] || a.useIndex - b.useIndex);
  const taken: RelatedCandidate[] = [];
  const symbols = new Set<string>();
  const callers = new Map<string, number>();
  for (const { candidate } of ordered) {
    if (taken.length >= MAX_RELATED) break;
    if (taken.some((piece) => covers(piece, candidate))) continue;
    if (candidate.reason === 'caller') {
      const count = callers.get(candidate.symbol) ?? 0;
      if (count >= MAX_CALLERS_PER_SYMBOL) continue;
      callers.set(candidate.symbol, count + 1);
    } else {
      if (symbols.has(candidate.symbol)) continue;
      symbols.add(candidate.symbol);
    }
    taken.push(candidate);
  }
  return taken;
}

function covers(piece: RelatedCandidate, candidate: RelatedCandidate): boolean {
  return piece.key === candidate.key && piece.startLine <= candidate.startLine && candidate.endLine <= piece.endLine;
}

/** Whether lines of the file `key` overlap the code under review: they are sent already, as the attachment. */
export function insideReviewed(
  reviewed: { readonly key: string; readonly ranges: readonly LineRange[] },
  key: string,
  startLine: number,
  endLine: number,
): boolean {
  return key === reviewed.key && reviewed.ranges.some((range) => range.startLine <= endLine && startLine <= range.endLine);
}

/**
 * A counter of bounded work: each lookup, read or search takes one; once spent, the gatherer stops
 * asking. Counting operations (not time) is what shows the work has an upper bound.
 */
export class WorkBudget {
  #used = 0;
  constructor(readonly limit: number) {}
  take(): boolean {
    if (this.#used >= this.limit) return false;
    this.#used += 1;
    return true;
  }
  get spent(): number {
    return this.#used;
  }
}
