import { GLOB_LIMITS } from './globLimits';

export type GlobComplexity = 'too-long' | 'too-many-wildcards' | 'too-many-braces';

/**
 * Which limit of `GLOB_LIMITS` a glob breaks, if any: its length, its wildcards (`*`, `**` and `?`
 * each count once), or its `{…}` groups and their nesting. The same limits hold for the globs we match
 * and for those a model gives `find_files`, which VS Code's search matches with regular expressions of
 * its own: many wildcards in a row (`*?*?*?*?#`) and deep groups are what make such matchers backtrack.
 * Ordinary patterns (`src/**\/*.ts`, `**\/*.{ts,tsx}`, `**\/test/**\/*.spec.ts`) are far below them.
 */
export function globComplexity(pattern: string): GlobComplexity | undefined {
  if (pattern.length > GLOB_LIMITS.maxLength) return 'too-long';
  let wildcards = 0;
  let depth = 0;
  let braces = 0;
  let deepest = 0;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') at++;
    else if (char === '?' || (char === '*' && pattern[at - 1] !== '*')) wildcards++;
    else if (char === '{') {
      braces++;
      deepest = Math.max(deepest, ++depth);
    } else if (char === '}') depth = Math.max(0, depth - 1);
  }
  if (wildcards > GLOB_LIMITS.maxWildcards) return 'too-many-wildcards';
  if (braces > GLOB_LIMITS.maxBraces || deepest > GLOB_LIMITS.maxBraceDepth) return 'too-many-braces';
  return undefined;
}

/** For `find_files`: why a model's pattern is refused, in words it can act on; undefined when it is fine. */
export function tooComplexGlob(pattern: string): string | undefined {
  switch (globComplexity(pattern)) {
    case 'too-long':
      return `at most ${GLOB_LIMITS.maxLength} characters`;
    case 'too-many-wildcards':
      return `at most ${GLOB_LIMITS.maxWildcards} wildcards (* or ?)`;
    case 'too-many-braces':
      return `at most ${GLOB_LIMITS.maxBraces} {…} groups, nested at most ${GLOB_LIMITS.maxBraceDepth} deep`;
    default:
      return undefined;
  }
}
