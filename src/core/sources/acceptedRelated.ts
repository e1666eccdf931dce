import { looksBinary } from '../context/decode';
import { excludingPattern } from '../context/exclude';
import { RELATED_RANK, type RelatedCandidate } from '../related/relatedCode';

/**
 * No more candidates than this are considered, however many the edge found (a symbol defined 10,000
 * times): far more than a quarter of any model's code budget holds, and it bounds the work.
 */
export const MAX_RELATED_CANDIDATES = 200;

/**
 * The protect phase for related code, before anything is rendered (the edge's `rankRelated` ordered and
 * bounded what it found; this is the core's own check of it): a candidate in an excluded file, with
 * binary content or with lines outside its text is dropped; each symbol is sent once, at its best rank;
 * what remains is ranked. The edge already passed every file through the model-access gate; exclusion is
 * checked again here because the core decides nothing on the edge's word alone.
 */
export function acceptedRelated(candidates: readonly RelatedCandidate[], exclude: readonly string[]): RelatedCandidate[] {
  // Array sort is stable: candidates of the same rank keep the edge's order.
  const ranked = [...candidates].sort((a, b) => RELATED_RANK[a.reason] - RELATED_RANK[b.reason]);
  const seen = new Set<string>();
  const binary = new Map<string, boolean>();
  const kept: RelatedCandidate[] = [];
  for (const candidate of ranked) {
    if (kept.length >= MAX_RELATED_CANDIDATES) break;
    const identity = identityOf(candidate);
    if (seen.has(identity)) continue;
    if (!acceptable(candidate, exclude, binary)) continue;
    seen.add(identity);
    kept.push(candidate);
  }
  return kept;
}

/**
 * A declaration is sent once, whether it is used directly or as a type; callers are told apart by where
 * they are, since several call the same symbol (and module-level registrations share a name).
 */
function identityOf(candidate: RelatedCandidate): string {
  return candidate.reason === 'caller' ? `caller ${candidate.key}#${candidate.startLine}` : `declaration ${candidate.symbol}`;
}

function acceptable(candidate: RelatedCandidate, exclude: readonly string[], binary: Map<string, boolean>): boolean {
  if (excludingPattern(candidate.matchPath, exclude) !== undefined) return false;
  if (candidate.startLine < 1 || candidate.endLine < candidate.startLine || candidate.text.trim() === '') return false;
  // The same file comes with many candidates: it is judged once.
  let isBinary = binary.get(candidate.key);
  if (isBinary === undefined) {
    isBinary = looksBinary(candidate.text);
    binary.set(candidate.key, isBinary);
  }
  return !isBinary;
}
