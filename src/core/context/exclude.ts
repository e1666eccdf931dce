import { globMatches } from '../glob/globList';
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
function patternMatches(pattern: string, path: string): boolean {
  const relative = pattern.replace(/^(\.\/)+/, '');
  return globMatches(relative, relative.includes('/') ? path : baseName(path));
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
 * The first pattern that excludes a workspace-relative path, to tell the user why; undefined if none.
 * Both the path as written and the name Windows would open are tried: on other systems a colon or a
 * trailing dot is part of a file name, so the path as written must be excluded on its own too.
 */
export function excludingPattern(relativePath: string, patterns: readonly string[]): string | undefined {
  const path = normalizeRelativePath(relativePath);
  const opened = windowsOpenedPath(path);
  const candidates = opened === path ? [path] : [path, opened];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern !== '' && candidates.some((candidate) => patternMatches(pattern, candidate))) return pattern;
  }
  return undefined;
}
