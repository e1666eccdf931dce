import { GLOB_LIMITS } from '../glob/globLimits';
import { answerOf, compiledList, type CompiledList } from '../glob/globList';
import { globRefusal, type GlobRefusal } from '../glob/globRefusal';
import { stepBudget, type StepBudget } from '../glob/runGlob';
import { baseName, normalizeRelativePath } from '../text';

/**
 * What `architect.exclude` holds until the user changes it: environment files, credential stores of
 * common tools (npm, netrc, PostgreSQL, git, PyPI, Apache, AWS, Kubernetes, Docker, Google Cloud
 * service accounts and OAuth clients), Terraform state, and key files (PEM, PKCS#12, Java key stores,
 * PuTTY, SSH, PGP/GPG).
 * The extension manifest declares the same list as the setting's default; a unit test keeps the two equal.
 */
export const DEFAULT_EXCLUDE: readonly string[] = [
  '.env',
  '.env.*',
  '*.env',
  '.envrc',
  '.npmrc',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.git-credentials',
  '.pypirc',
  '.htpasswd',
  'kubeconfig',
  '*.kubeconfig',
  'kubeconfig.y{a,}ml',
  'credentials.json',
  'service-account*.json',
  '**/.aws/credentials',
  '**/.kube/config',
  '**/.docker/config.json',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.ppk',
  '**/*.keystore',
  '**/*.asc',
  '**/*.gpg',
  '**/*.tfstate',
  '**/*.tfstate.backup',
  '**/id_rsa*',
  '**/id_dsa*',
  '**/id_ecdsa*',
  '**/id_ed25519*',
];

/**
 * The name Windows opens for a path: it ignores trailing dots and spaces of each segment, and a
 * `name:stream` or `name::$DATA` suffix opens the file `name` itself, so `server.pem.` and
 * `server.pem::$DATA` are `server.pem`.
 */
export function windowsOpenedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => withoutTrailingDotsAndSpaces(segment.split(':', 1)[0] ?? ''))
    .join('/');
}

function withoutTrailingDotsAndSpaces(segment: string): string {
  let end = segment.length;
  while (end > 0 && (segment[end - 1] === '.' || segment[end - 1] === ' ')) end--;
  return segment.slice(0, end);
}

/**
 * Why a path is excluded. `matches`: the pattern matches it. The other causes fail closed, because a
 * pattern that cannot be matched must not leave the files it names unprotected: `refused`, a pattern
 * `globRefusal` refuses (an extglob, a leading `!`, over a limit) excludes every file until it is
 * fixed; `too-many`, a list longer than `GLOB_LIMITS.maxExcludePatterns` excludes every file (the
 * pattern named is the first beyond the limit); `too-costly`, a check that spent its budget of steps
 * excludes the path it was checking (the pattern named is the one it was matching).
 */
export type Exclusion =
  | { readonly pattern: string; readonly cause: 'matches' | 'too-many' | 'too-costly' }
  | { readonly pattern: string; readonly cause: 'refused'; readonly refusal: GlobRefusal };

/**
 * The first pattern that excludes a workspace-relative path, and why; undefined if none. Both the
 * path as written and the name Windows would open are tried: on other systems a colon or a trailing
 * dot is part of a file name, so the path as written must be excluded on its own too. One check of a
 * path against the whole list spends at most `MAX_STEPS_PER_CHECK` steps.
 */
export function exclusionOf(relativePath: string, patterns: readonly string[], budget: StepBudget = stepBudget()): Exclusion | undefined {
  const list = screenedList(patterns);
  if (list.unusable !== undefined) return list.unusable;
  const path = normalizeRelativePath(relativePath);
  const opened = windowsOpenedPath(path);
  const candidates = opened === path ? [path] : [path, opened];
  for (const [index, { pattern, glob }] of list.patterns.entries()) {
    // gitignore-style: a pattern without a slash (".env") matches the file name in any folder, one
    // with a slash the workspace-relative path. Case is ignored, and a line break is an ordinary character.
    for (const candidate of candidates) {
      const answer = answerOf(list.programs(index), glob.includes('/') ? candidate : baseName(candidate), budget);
      if (answer === 'match') return { pattern, cause: 'matches' };
      if (answer === 'exhausted') return { pattern, cause: 'too-costly' };
    }
  }
  return undefined;
}

/** The pattern that excludes a path (see `exclusionOf`), for callers that only need to know whether. */
export function excludingPattern(relativePath: string, patterns: readonly string[]): string | undefined {
  return exclusionOf(relativePath, patterns)?.pattern;
}

/** The pattern that makes every path excluded (refused, or beyond the count), for the log; undefined if none. */
export function unusableExclusion(patterns: readonly string[]): Exclusion | undefined {
  return screenedList(patterns).unusable;
}

interface ScreenedList {
  /** A refused pattern, or the first beyond the count: every path is excluded while it stays. */
  readonly unusable: Exclusion | undefined;
  /** Each pattern as written (trimmed) and as matched (without a leading `./`). */
  readonly patterns: ReadonlyArray<{ readonly pattern: string; readonly glob: string }>;
  readonly programs: CompiledList;
}

/** Lists already screened, by identity: a request checks many paths against one list. */
const screened = new WeakMap<readonly string[], ScreenedList>();

function screenedList(list: readonly string[]): ScreenedList {
  const known = screened.get(list);
  if (known !== undefined) return known;
  const patterns = list
    .map((raw) => raw.trim())
    .filter((pattern) => pattern !== '')
    .map((pattern) => ({ pattern, glob: pattern.replace(/^(\.\/)+/, '') }));
  let unusable: Exclusion | undefined;
  const beyond = patterns[GLOB_LIMITS.maxExcludePatterns];
  if (beyond !== undefined) unusable = { pattern: beyond.pattern, cause: 'too-many' };
  for (let index = 0; unusable === undefined && index < patterns.length; index++) {
    const { pattern, glob } = patterns[index] ?? { pattern: '', glob: '' };
    const refusal: GlobRefusal | undefined = globRefusal(glob);
    if (refusal !== undefined) unusable = { pattern, cause: 'refused', refusal };
  }
  const result = { unusable, patterns, programs: compiledList(patterns.map(({ glob }) => glob)) };
  screened.set(list, result);
  return result;
}
