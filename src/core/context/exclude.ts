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
  const path = normalizeRelativePath(relativePath).normalize('NFC');
  const opened = windowsOpenedPath(path);
  const candidates = opened === path ? [path] : [path, opened];
  for (const [index, { pattern, glob, scope }] of list.patterns.entries()) {
    for (const candidate of candidates)
      for (const subject of subjectsOf(candidate, scope)) {
        const answer = answerOf(list.programs(index), subject, budget);
        if (answer === 'match') return { pattern, cause: 'matches' };
        if (answer === 'exhausted') return { pattern, cause: 'too-costly' };
        // A pattern the compiler refuses that screening let through still fails closed.
        if (answer === 'refused') return { pattern, cause: 'refused', refusal: globRefusal(glob) ?? 'negation' };
      }
  }
  return undefined;
}

/**
 * What a pattern is matched against, gitignore-style: a pattern with a slash (`config/secrets.json`,
 * `**\/secrets`) the workspace-relative path, one without (`.env`) each file or folder name, and one
 * whose slashes are only inside a `{…}` group (`{*.pem,keys/**}`) both. A folder a pattern matches
 * excludes everything in it, so each enclosing folder of the path is tried too (`secrets` and
 * `**\/secrets` exclude `secrets/key.txt`, as VS Code's own exclusion settings hide a folder's files).
 */
function subjectsOf(path: string, scope: PatternScope): string[] {
  const folders: string[] = [];
  for (let at = path.indexOf('/'); at > 0; at = path.indexOf('/', at + 1)) folders.push(path.slice(0, at));
  const paths = [path, ...folders];
  const names = paths.map(baseName);
  if (scope === 'path') return paths;
  if (scope === 'name') return names;
  return [...paths, ...names];
}

/** The pattern that excludes a path (see `exclusionOf`), for callers that only need to know whether. */
export function excludingPattern(relativePath: string, patterns: readonly string[]): string | undefined {
  return exclusionOf(relativePath, patterns)?.pattern;
}

/** The pattern that makes every path excluded (refused, or beyond the count), for the log; undefined if none. */
export function unusableExclusion(patterns: readonly string[]): Exclusion | undefined {
  return screenedList(patterns).unusable;
}

/** What a pattern is matched against (see `subjectsOf`). */
type PatternScope = 'path' | 'name' | 'both';

/**
 * A pattern as written (trimmed) and as matched: without a leading `./`, a leading `/` (it anchors the
 * pattern at the folder's root, as a slash inside it does) or a trailing `/` (a folder pattern, which
 * `subjectsOf` tries against each enclosing folder anyway). Text is compared in Unicode's composed form,
 * so a name typed as `é` matches one stored as `e` and a combining accent.
 */
function screenedPattern(pattern: string): { pattern: string; glob: string; scope: PatternScope } {
  const anchored = /^\.?\/(?!\/)/.test(pattern);
  const glob = pattern
    .normalize('NFC')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/(?!\/)/, '')
    .replace(/(?<=.)\/$/, '');
  const slashOutsideBraces = hasSlashOutsideBraces(glob);
  const scope: PatternScope = anchored || slashOutsideBraces ? 'path' : glob.includes('/') ? 'both' : 'name';
  return { pattern, glob, scope };
}

function hasSlashOutsideBraces(glob: string): boolean {
  let depth = 0;
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at];
    if (char === '\\') at++;
    else if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '/' && depth === 0) return true;
  }
  return false;
}

interface ScreenedList {
  /** A refused pattern, or the first beyond the count: every path is excluded while it stays. */
  readonly unusable: Exclusion | undefined;
  /** Each pattern as written (trimmed) and as matched (without a leading `./`). */
  readonly patterns: ReadonlyArray<{ readonly pattern: string; readonly glob: string; readonly scope: PatternScope }>;
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
    .map((pattern) => screenedPattern(pattern));
  let unusable: Exclusion | undefined;
  const beyond = patterns[GLOB_LIMITS.maxExcludePatterns];
  if (beyond !== undefined) unusable = { pattern: beyond.pattern, cause: 'too-many' };
  for (let index = 0; unusable === undefined && index < patterns.length; index++) {
    const { pattern, glob } = patterns[index] ?? { pattern: '', glob: '' };
    // As the compiler sees it too: a leading `**/` does not hide a `!` or an extglob after it.
    const refusal: GlobRefusal | undefined = globRefusal(glob) ?? (glob.startsWith('**/') ? globRefusal(glob.slice(3)) : undefined);
    if (refusal !== undefined) unusable = { pattern, cause: 'refused', refusal };
  }
  const result = { unusable, patterns, programs: compiledList(patterns.map(({ glob }) => glob)) };
  screened.set(list, result);
  return result;
}
