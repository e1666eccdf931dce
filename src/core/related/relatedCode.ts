/** Why a piece of related code was sent; ranked in this order (what is used directly first). */
export type RelatedReason = 'definition' | 'type' | 'caller';

/** What the code under review uses directly first, then the types it names, then who calls it. */
export const RELATED_RANK: Readonly<Record<RelatedReason, number>> = { definition: 0, type: 1, caller: 2 };

/**
 * A declaration a senior reviewer would open beside the code under review, as the edge found it: a file
 * that passed the model-access gate, its text, and the lines of the declaration. Plain data; the core
 * screens (redaction, hidden characters), fits and grounds it.
 */
export interface RelatedCandidate {
  /** Resource key (URI string) of the file. */
  readonly key: string;
  /** Workspace-relative path, as shown to the person. */
  readonly label: string;
  /** The path matched against `architect.exclude` (relative to its own workspace folder). */
  readonly matchPath: string;
  /** The file's whole text, as read through the gate. */
  readonly text: string;
  /** The declaration's lines in the file, 1-based, both included. */
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string;
  readonly reason: RelatedReason;
  /** Where the code under review uses it, "src/routes/orders.ts:14"; for a caller, the symbol it calls. */
  readonly usedAt?: string;
}

/** One entry of `ChatResult.metadata.related`. */
export interface RelatedMetadata {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string;
  readonly reason: RelatedReason;
}
