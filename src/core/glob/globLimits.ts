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
 * - `stepsPerCheck`: the automaton steps one path may cost against a whole list;
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
  stepsPerCheck: 20_000,
  cacheSize: 256,
  maxScopedInstructionFiles: 64,
} as const;

/**
 * The most steps one check can spend: it stops at the first step past its budget, and what that step
 * costs is counted whole: the states one state leads to without reading a character, fewer than the
 * instructions of a glob of `maxLength` characters plus the `**\/` that `applyTo` puts in front.
 * Compiling is not part of a check: a list compiles each of its globs at most once (`compiledList`).
 */
export const MAX_STEPS_PER_CHECK = GLOB_LIMITS.stepsPerCheck + 3 * (GLOB_LIMITS.maxLength + 3) + 2;
