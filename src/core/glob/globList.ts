import { compileGlob, type GlobProgram } from './globProgram';
import { GLOB_LIMITS } from './globLimits';
import { globRefusal, type GlobRefusal } from './globRefusal';
import { runGlob, stepBudget, type StepBudget } from './runGlob';

export interface RefusedGlob {
  readonly glob: string;
  readonly refusal: GlobRefusal;
}

export interface BoundedGlobs {
  readonly globs: readonly string[];
  /** Globs left out: refused (too long, too complex, extglob, negation), or beyond the count. */
  readonly ignored: number;
  /** The first few refused globs and why, for a note that names them. */
  readonly refused: readonly RefusedGlob[];
}

/** How many refused globs of one list a note names; the rest are counted only. */
export const REFUSED_NAMED = 3;

/**
 * The first `maxPerList` distinct globs that `globRefusal` accepts. Nothing is compiled here, and
 * repeats are dropped, so a list of 20,000 aliases of one glob is one glob. Every other candidate it
 * does not keep is counted as ignored, for the note that says so.
 */
export function boundGlobs(candidates: Iterable<string>, maxPerList: number = GLOB_LIMITS.maxPerList): BoundedGlobs {
  const kept = new Set<string>();
  const refused: RefusedGlob[] = [];
  let ignored = 0;
  for (const glob of candidates) {
    if (kept.has(glob)) continue;
    const refusal = globRefusal(glob);
    if (refusal !== undefined || kept.size >= maxPerList) ignored++;
    else kept.add(glob);
    if (refusal !== undefined && refused.length < REFUSED_NAMED) refused.push({ glob, refusal });
  }
  return { globs: [...kept], ignored, refused };
}

/** Compiled programs by glob, oldest dropped first: a long session never holds more than `cacheSize`. */
const compiled = new Map<string, GlobProgram>();
let compiledCount = 0;

/** How many globs have been compiled since start-up: what tests count to show the list is compiled lazily. */
export function globsCompiled(): number {
  return compiledCount;
}

/**
 * The glob's program (compiled once, then cached), or undefined for a glob `globRefusal` refuses. A
 * leading `**\/` is not counted: `applyTo` adds it to a glob that was accepted as written.
 */
export function programFor(glob: string): GlobProgram | undefined {
  if (globRefusal(glob.startsWith('**/') ? glob.slice(3) : glob) !== undefined) return undefined;
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

/** A glob's answer for a path within a check's budget: `exhausted` when the budget ran out first. */
export type GlobAnswer = 'match' | 'no-match' | 'refused' | 'exhausted';

/** Runs a list's program (undefined: a refused glob) within the budget. */
export function answerOf(program: GlobProgram | undefined, path: string, budget: StepBudget): GlobAnswer {
  if (budget.left <= 0) return 'exhausted';
  if (program === undefined) return 'refused';
  const run = runGlob(program, path, budget);
  return run.exhausted ? 'exhausted' : run.matched ? 'match' : 'no-match';
}

/**
 * The programs of a list, each compiled the first time it is reached and then kept with the list. So
 * a list costs at most one compilation per glob (its count × `maxLength` characters) however many
 * paths are checked against it, even when other lists push its globs out of the shared cache.
 */
export type CompiledList = (index: number) => GlobProgram | undefined;

export function compiledList(globs: readonly string[]): CompiledList {
  const programs: Array<GlobProgram | null | undefined> = [];
  return (index) => {
    let program = programs[index];
    if (program === undefined) {
      program = programFor(globs[index] ?? '') ?? null;
      programs[index] = program;
    }
    return program ?? undefined;
  };
}

/** Whether `glob` matches `path`, with a budget of its own; a refused glob matches nothing. */
export function globMatches(glob: string, path: string): boolean {
  return answerOf(programFor(glob), path, stepBudget()) === 'match';
}
