import picomatch from 'picomatch';
import { normalizeRelativePath } from '../text';

let cached: { key: string; matcher: (path: string) => boolean } | undefined;

/**
 * Whether a workspace-relative path matches one of the `architect.exclude` globs. A pattern without a
 * slash (".env") matches the file name in any folder; matching ignores case, so ".ENV" is excluded too.
 */
export function isExcluded(relativePath: string, patterns: readonly string[]): boolean {
  const usable = patterns.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
  if (usable.length === 0) return false;
  const key = usable.join('\u0000');
  if (cached?.key !== key) cached = { key, matcher: picomatch(usable, { dot: true, basename: true, nocase: true }) };
  return cached.matcher(normalizeRelativePath(relativePath));
}

/** The first pattern that excludes the path, to tell the user why. */
export function excludingPattern(relativePath: string, patterns: readonly string[]): string | undefined {
  const path = normalizeRelativePath(relativePath);
  return patterns.find((pattern) => pattern.trim() !== '' && picomatch.isMatch(path, pattern.trim(), { dot: true, basename: true, nocase: true }));
}
