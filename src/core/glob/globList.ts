import { compileGlob, type GlobProgram } from './globProgram';
import { runGlob } from './runGlob';

/**
 * The limits every glob list from a workspace or a setting is held to (decision "bounded globs"):
 * a glob longer than `maxLength` characters is refused, a list keeps its first `maxPerList` distinct
 * globs, and compiled programs are kept for the last `cacheSize` distinct globs.
 */
export const GLOB_LIMITS = { maxLength: 1000, maxPerList: 64, cacheSize: 256 } as const;

export interface BoundedGlobs {
  readonly globs: readonly string[];
  /** Globs left out: longer than the limit, or beyond the count. */
  readonly ignored: number;
}

/**
 * The first `maxPerList` distinct globs of at most `maxLength` characters. Nothing is compiled here,
 * and repeats are dropped, so a list of 20,000 aliases of one glob is one glob. Every other candidate
 * it does not keep is counted as ignored, for the note that says so.
 */
export function boundGlobs(candidates: Iterable<string>, maxPerList: number = GLOB_LIMITS.maxPerList): BoundedGlobs {
  const kept = new Set<string>();
  let ignored = 0;
  for (const glob of candidates) {
    if (glob.length > GLOB_LIMITS.maxLength) ignored++;
    else if (kept.has(glob)) continue;
    else if (kept.size < maxPerList) kept.add(glob);
    else ignored++;
  }
  return { globs: [...kept], ignored };
}

/** Compiled programs by glob, oldest dropped first: a long session never holds more than `cacheSize`. */
const compiled = new Map<string, GlobProgram>();
let compiledCount = 0;

/** How many globs have been compiled since start-up: what tests count to show the list is compiled lazily. */
export function globsCompiled(): number {
  return compiledCount;
}

export function programFor(glob: string): GlobProgram | undefined {
  if (glob.length > GLOB_LIMITS.maxLength) return undefined;
  const known = compiled.get(glob);
  if (known !== undefined) {
    compiled.delete(glob);
    compiled.set(glob, known);
    return known;
  }
  const program = compileGlob(glob);
  compiledCount++;
  compiled.set(glob, program);
  if (compiled.size > GLOB_LIMITS.cacheSize) compiled.delete(compiled.keys().next().value ?? '');
  return program;
}

/** Whether `glob` matches `path`; a glob over the length limit matches nothing. */
export function globMatches(glob: string, path: string): boolean {
  const program = programFor(glob);
  return program !== undefined && runGlob(program, path).matched;
}

/** The first glob, in order, that matches one of the paths; later globs are not compiled. */
export function firstMatchingGlob<T>(items: Iterable<T>, matches: (item: T) => boolean): T | undefined {
  for (const item of items) if (matches(item)) return item;
  return undefined;
}
