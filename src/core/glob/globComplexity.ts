/**
 * How much a glob a model wrote for `find_files` may ask of VS Code's file search, which matches with
 * regular expressions of its own. The pattern is already at most 300 characters; what makes such a
 * matcher backtrack is many wildcards in a row (`*?*?*?*?#`) and deep brace groups, so both are bounded.
 * Ordinary patterns (`src/**\/*.ts`, `**\/*.{ts,tsx}`, `**\/test/**\/*.spec.ts`) are far below the limits.
 */
export const TOOL_GLOB_LIMITS = { maxWildcards: 8, maxBraceDepth: 2, maxBraces: 8 } as const;

export function tooComplexGlob(pattern: string): string | undefined {
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
  if (wildcards > TOOL_GLOB_LIMITS.maxWildcards) return `at most ${TOOL_GLOB_LIMITS.maxWildcards} wildcards (* or ?)`;
  if (braces > TOOL_GLOB_LIMITS.maxBraces || deepest > TOOL_GLOB_LIMITS.maxBraceDepth)
    return `at most ${TOOL_GLOB_LIMITS.maxBraces} {…} groups, nested at most ${TOOL_GLOB_LIMITS.maxBraceDepth} deep`;
  return undefined;
}
