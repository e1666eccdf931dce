import { GLOB_LIMITS } from '../glob/globLimits';
import { matchGlob, type GlobAnswer } from '../glob/globList';
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
 * Whether an `architect.exclude` pattern excludes a path, gitignore-style: a pattern without a slash
 * (".env") matches the file name in any folder, one with a slash matches the workspace-relative path.
 * Case is ignored, so ".ENV" is excluded too. The bounded matcher (`core/glob`) compiles each pattern
 * once, when it is first needed, and treats a line break in a path as an ordinary character.
 */
function patternAnswer(pattern: string, path: string, budget: StepBudget): GlobAnswer {
  const relative = pattern.replace(/^(\.\/)+/, '');
  return matchGlob(relative, relative.includes('/') ? path : baseName(path), budget);
}

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
  const unusable = unusablePattern(patterns);
  if (unusable !== undefined) return unusable;
  const path = normalizeRelativePath(relativePath);
  const opened = windowsOpenedPath(path);
  const candidates = opened === path ? [path] : [path, opened];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    for (const candidate of candidates) {
      const answer = patternAnswer(pattern, candidate, budget);
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

/** Lists already screened, by identity: a request checks many paths against one list. */
const screened = new WeakMap<readonly string[], Exclusion | null>();

/** A refused pattern, or the first pattern beyond the count: every path is excluded while it stays. */
function unusablePattern(patterns: readonly string[]): Exclusion | undefined {
  const known = screened.get(patterns);
  if (known !== undefined) return known ?? undefined;
  let found: Exclusion | null = null;
  const beyond = patterns[GLOB_LIMITS.maxExcludePatterns];
  if (beyond !== undefined) found = { pattern: beyond.trim(), cause: 'too-many' };
  for (let index = 0; found === null && index < patterns.length; index++) {
    const pattern = (patterns[index] ?? '').trim();
    const refusal: GlobRefusal | undefined = pattern === '' ? undefined : globRefusal(pattern.replace(/^(\.\/)+/, ''));
    if (refusal !== undefined) found = { pattern, cause: 'refused', refusal };
  }
  screened.set(patterns, found);
  return found ?? undefined;
}
