import picomatch from 'picomatch';
import { baseName, normalizeRelativePath } from '../text';

const OPTIONS = { dot: true, nocase: true } as const;

interface Matcher {
  readonly pattern: string;
  readonly matches: (path: string) => boolean;
}

let cached: { key: string; matchers: readonly Matcher[] } | undefined;

/**
 * `architect.exclude` globs, gitignore-style: a pattern without a slash (".env") matches the file name
 * in any folder, one with a slash matches the workspace-relative path. Case is ignored, so ".ENV" is
 * excluded too. (picomatch's own `basename` option also bends patterns that have slashes, so the two
 * kinds are compiled apart.)
 */
function matchersFor(patterns: readonly string[]): readonly Matcher[] {
  const usable = patterns.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
  const key = usable.join('\u0000');
  if (cached?.key !== key) {
    cached = {
      key,
      matchers: usable.map((pattern) => {
        const test = picomatch(pattern, OPTIONS);
        return pattern.includes('/')
          ? { pattern, matches: (path: string) => test(path) }
          : { pattern, matches: (path: string) => test(baseName(path)) };
      }),
    };
  }
  return cached.matchers;
}

/** The first pattern that excludes a workspace-relative path, to tell the user why; undefined if none. */
export function excludingPattern(relativePath: string, patterns: readonly string[]): string | undefined {
  const path = normalizeRelativePath(relativePath);
  return matchersFor(patterns).find((matcher) => matcher.matches(path))?.pattern;
}
