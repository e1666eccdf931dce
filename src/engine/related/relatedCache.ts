import { type RelatedJob } from './relatedJob';
import { RelatedFiles, type RelatedProbe } from './relatedFiles';
import { type ReviewedCode } from './relatedWork';

/** Gatherings kept: the last few reviews; each holds the text of the files it found. */
const MAX_ENTRIES = 8;
/** A gathering older than this is done again: a file it never looked at may since declare what is used. */
const MAX_AGE_MS = 60_000;

/** What a kept gathering is found by: the file under review, its reviewed lines and its text. */
export type CodeKey = Pick<ReviewedCode, 'key' | 'ranges' | 'text'>;

export interface KeptJob {
  readonly job: RelatedJob;
  /** Finished without the language servers' part: usable once, while a new gathering replaces it. */
  readonly refresh: boolean;
}

interface Entry {
  readonly texts: readonly string[];
  readonly job: RelatedJob;
}

/**
 * The gatherings of the last reviews, by the code under review (file, reviewed lines, exclusions), so a
 * second review of the same code costs a few reads instead of every language-server round trip, and a
 * review that arrives while the same gathering still runs joins it. An entry is used only while the
 * reviewed text is the same, and a finished one only once every file it found reads the same again
 * through the gate (`stillCurrent`): an edited, newly excluded or removed file means gathering again.
 */
export class RelatedCache {
  readonly #entries = new Map<string, Entry>();

  /**
   * The job for this code: still running, or finished and young enough. A finished job that is not
   * complete (its text search ended, its language servers were loading) comes with `refresh`: send
   * what it has, and gather again for the reviews after this one.
   */
  find(codes: readonly CodeKey[], exclude: readonly string[]): KeptJob | undefined {
    const key = keyOf(codes, exclude);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const { job } = entry;
    const same = entry.texts.length === codes.length && entry.texts.every((text, index) => text === codes[index]?.text);
    const usable = same && !job.cancelled && (!job.done || job.reusable) && Date.now() - job.started < MAX_AGE_MS;
    if (!usable) this.#entries.delete(key);
    return usable ? { job, refresh: job.done && !job.complete } : undefined;
  }

  remember(codes: readonly CodeKey[], exclude: readonly string[], job: RelatedJob): void {
    const key = keyOf(codes, exclude);
    this.#entries.delete(key);
    this.#entries.set(key, { texts: codes.map((code) => code.text), job });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
    // A cancelled job, one cut by its deadline, or one that found nothing while its servers loaded is not
    // what a later review should get.
    void job.settled.then(() => {
      if (!job.reusable && this.#entries.get(key)?.job === job) this.#entries.delete(key);
    });
  }

  forget(codes: readonly CodeKey[], exclude: readonly string[]): void {
    this.#entries.delete(keyOf(codes, exclude));
  }
}

function keyOf(codes: readonly CodeKey[], exclude: readonly string[]): string {
  return JSON.stringify([exclude, codes.map((code) => [code.key, code.ranges])]);
}

/**
 * Whether every file a finished job found still reads the same, each asked of the gate again
 * (`mayReachModel`): what is sent from the cache is what a new gathering would read.
 */
export async function stillCurrent(
  job: RelatedJob,
  codes: readonly CodeKey[],
  exclude: readonly string[],
  probe: RelatedProbe,
): Promise<boolean> {
  const reviewed = new Set(codes.map((code) => code.key));
  const byKey = new Map<string, { uri: Parameters<RelatedFiles['read']>[0]; text: string }>();
  for (const item of [...job.sink.byServer, ...job.sink.byText])
    if (!reviewed.has(item.item.candidate.key)) byKey.set(item.item.candidate.key, { uri: item.uri, text: item.item.candidate.text });
  const files = new RelatedFiles(exclude, probe);
  const reads = await Promise.all([...byKey.values()].map(async (found) => (await files.read(found.uri))?.text === found.text));
  return reads.every(Boolean);
}
