/**
 * Every limit a glob is held to, in one table (decision "bounded globs"). Globs come from people who can
 * change the repository (an instruction file's `applyTo`, a workspace's `architect.exclude`) and from a
 * model (`find_files`), so each bound holds whatever the input:
 *
 * - `maxLength`, `maxWildcards`, `maxBraces`, `maxBraceDepth`: a glob beyond them is refused, never
 *   compiled. A glob has at most 3 × `maxLength` + 2 instructions.
 * - `maxPerList`: an instruction file's `applyTo` keeps its first distinct globs, the rest are ignored.
 * - `maxExcludePatterns`: `architect.exclude` (all folders together) may hold this many patterns; beyond
 *   it the list is refused and every file is treated as excluded, since dropping a pattern would send
 *   what the user meant to keep back.
 * - `stepsPerCheck`: the automaton steps one path may cost against a whole list (compiling included);
 *   a check that runs out fails closed for exclusion and open ("does not apply") for `applyTo`.
 * - `cacheSize`: compiled programs kept, least recently used dropped first.
 * - `maxScopedInstructionFiles`: `.github/instructions/*.instructions.md` files considered per request.
 */
export const GLOB_LIMITS = {
  maxLength: 256,
  maxWildcards: 8,
  maxBraces: 8,
  maxBraceDepth: 2,
  maxPerList: 64,
  maxExcludePatterns: 128,
  stepsPerCheck: 30_000,
  cacheSize: 256,
  maxScopedInstructionFiles: 64,
} as const;

/**
 * What compiling a glob is charged to a check's budget, per character of the glob: about what compiling
 * costs next to one automaton step, as measured on the development machine (decision "bounded globs").
 */
export const COMPILE_STEPS_PER_CHARACTER = 16;

/**
 * The most steps one check can spend: it stops at the first step past its budget, and what that step
 * costs is counted whole: one glob's compilation (a glob of at most `maxLength` characters, plus the
 * `**\/` that `applyTo` puts in front) or the states one state leads to (fewer than its instructions).
 */
export const MAX_STEPS_PER_CHECK = GLOB_LIMITS.stepsPerCheck + COMPILE_STEPS_PER_CHARACTER * (GLOB_LIMITS.maxLength + 3);
