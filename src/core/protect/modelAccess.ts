import { english, type Translate } from '../i18n';
import { exclusionOf, type Exclusion } from '../context/exclude';
import { exclusionReason } from '../context/exclusionReason';

/**
 * Whether a file's bytes may reach a model, decided on plain facts the adapter gathered: the path as
 * it was named (by the user, the chat or the model) and the path of the file actually read, every
 * link resolved. A name proves nothing: `src/env-link.ts` may be a link to `.env`, and `src/vendor` a
 * link to the home folder. So exclusion is checked on both paths and containment on the real one.
 */

/** A workspace folder's path as VS Code names it, and where it really is (the same when unknown). */
export interface FolderPaths {
  readonly path: string;
  readonly realPath: string;
}

/**
 * Who named the file. A person may attach a file from outside the workspace (a window without a
 * folder has nothing else); the model may only name what the workspace holds.
 */
export type AccessOrigin = 'user' | 'model';

export interface AccessFacts {
  /** The URI path as named: "/home/me/api/src/env-link.ts". */
  readonly namedPath: string;
  /** The real path, links resolved; undefined for a link whose target cannot be known. */
  readonly realPath: string | undefined;
  readonly folders: readonly FolderPaths[];
  readonly exclude: readonly string[];
  readonly origin: AccessOrigin;
  /** True where the file system ignores case (Windows, macOS): "/WS/a" is inside "/ws". */
  readonly ignoreCase: boolean;
}

export type AccessVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly why: 'excluded';
      readonly pattern: string;
      readonly exclusion: Exclusion;
      readonly throughLink: boolean;
    }
  | { readonly allowed: false; readonly why: 'link-leaves-workspace' | 'outside-workspace' | 'unresolvable-link' };

export type RefusedAccess = Exclude<AccessVerdict, { allowed: true }>;

export function decideModelAccess(facts: AccessFacts): AccessVerdict {
  if (facts.realPath === undefined) return { allowed: false, why: 'unresolvable-link' };
  const named = normalizePath(facts.namedPath);
  const real = normalizePath(facts.realPath);
  const namedInside = relativePaths(named, facts);
  const realInside = relativePaths(real, facts);

  const namedExclusion = firstExcluding(namedInside, named, facts.exclude);
  if (namedExclusion !== undefined) return excluded(namedExclusion, false);
  const realExclusion = firstExcluding(realInside, real, facts.exclude);
  if (realExclusion !== undefined) return excluded(realExclusion, true);

  if (realInside.length > 0) return { allowed: true };
  if (namedInside.length > 0) return { allowed: false, why: 'link-leaves-workspace' };
  return facts.origin === 'user' ? { allowed: true } : { allowed: false, why: 'outside-workspace' };
}

function excluded(exclusion: Exclusion, throughLink: boolean): RefusedAccess {
  return { allowed: false, why: 'excluded', pattern: exclusion.pattern, exclusion, throughLink };
}

/** Why a file was refused, as a clause: "{file} was not sent: <reason>". */
export function accessRefusalReason(verdict: RefusedAccess, t: Translate = english): string {
  switch (verdict.why) {
    case 'excluded':
      return exclusionReason(verdict.exclusion, t, verdict.throughLink);
    case 'link-leaves-workspace':
      return t('it is a link that leads outside the workspace folders');
    case 'outside-workspace':
      return t('it is outside the workspace folders');
    case 'unresolvable-link':
      return t('it is a link, and where it leads cannot be checked');
  }
}

/** The path relative to every folder that holds it (nested folders give several); empty if none. */
function relativePaths(path: string, facts: AccessFacts): string[] {
  const found: string[] = [];
  for (const folder of facts.folders) {
    for (const root of new Set([normalizePath(folder.path), normalizePath(folder.realPath)])) {
      const relative = relativeTo(root, path, facts.ignoreCase);
      if (relative !== undefined) found.push(relative);
    }
  }
  return found;
}

/**
 * A path outside every folder is matched whole, without its root: "home/me/.ssh/id_rsa" still meets
 * `**\/id_rsa*`, and ".env" patterns meet the file name wherever it is.
 */
function firstExcluding(relatives: readonly string[], absolute: string, exclude: readonly string[]): Exclusion | undefined {
  const candidates = relatives.length > 0 ? relatives : [absolute.replace(/^\/+/, '')];
  for (const candidate of candidates) {
    const exclusion = exclusionOf(candidate, exclude);
    if (exclusion !== undefined) return exclusion;
  }
  return undefined;
}

/** Segment by segment, so "/ws-old/a" is not inside "/ws"; undefined when `path` is not under `root`. */
function relativeTo(root: string, path: string, ignoreCase: boolean): string | undefined {
  const fold = (value: string) => (ignoreCase ? value.toLowerCase() : value);
  const rootSegments = segmentsOf(root);
  const pathSegments = segmentsOf(path);
  if (pathSegments.length < rootSegments.length) return undefined;
  const inside = rootSegments.every((segment, index) => fold(segment) === fold(pathSegments[index] ?? ''));
  return inside ? pathSegments.slice(rootSegments.length).join('/') : undefined;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Forward slashes, no "." or ".." segments, no trailing slash: "/a/./b/../c/" → "/a/c". */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}
