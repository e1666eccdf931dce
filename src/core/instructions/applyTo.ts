import { normalizeMarkdown, readFrontMatter } from '../frontMatter';
import { answerOf, boundGlobs, compiledList, type RefusedGlob } from '../glob/globList';
import { stepBudget, type StepBudget } from '../glob/runGlob';
import { normalizeRelativePath } from '../text';

/**
 * Which files an instruction file speaks about: every file, or those matching its globs. A file whose
 * front matter cannot be read applies to nothing (it is not guessed at).
 */
export type ApplyTo =
  | { readonly kind: 'always' }
  /**
   * `ignored`: globs left out by the limits of `GLOB_LIMITS` or refused by `globRefusal`, for a note;
   * `refused`: the first few refused, and why.
   */
  | { readonly kind: 'globs'; readonly globs: readonly string[]; readonly ignored?: number; readonly refused?: readonly RefusedGlob[] }
  | { readonly kind: 'invalid' };

export interface ParsedInstructionFile {
  readonly applyTo: ApplyTo;
  /** The text without its front matter: the front matter is metadata for tools, not a convention. */
  readonly body: string;
}

/** Reads `applyTo` from an instruction file's front matter: absent, empty or `**` means every file. */
export function parseInstructionFile(text: string): ParsedInstructionFile {
  const normalized = normalizeMarkdown(text);
  if (!/^---[ \t]*(ya?ml)?[ \t]*\n/i.test(normalized)) {
    // No front matter (or front matter in a language we do not read, which applies to nothing).
    return { applyTo: { kind: /^---[ \t]*[A-Za-z]/.test(normalized) ? 'invalid' : 'always' }, body: normalized };
  }
  let data: unknown;
  let body: string;
  try {
    ({ data, body } = readFrontMatter(normalized));
  } catch {
    return { applyTo: { kind: 'invalid' }, body: normalized };
  }
  const value =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)['applyTo'] : undefined;
  return { applyTo: applyToFrom(value), body: body.replace(/^\n+/, '') };
}

function applyToFrom(value: unknown): ApplyTo {
  if (value === undefined || value === null) return { kind: 'always' };
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined || !items.every((item) => typeof item === 'string')) return { kind: 'invalid' };
  // YAML aliases repeat one string thousands of times at no cost to the parser: each distinct item is
  // split once, and only the first globs within the limits are kept.
  const bounded = boundGlobs(globsOf(new Set(items as readonly string[])));
  if (bounded.globs.length === 0 && bounded.ignored === 0) return { kind: 'always' };
  if (bounded.globs.some((glob) => glob === '**' || glob === '**/*')) return { kind: 'always' };
  return {
    kind: 'globs',
    globs: bounded.globs,
    ...(bounded.ignored === 0 ? {} : { ignored: bounded.ignored }),
    ...(bounded.ignored === 0 || bounded.refused.length === 0 ? {} : { refused: bounded.refused }),
  };
}

function* globsOf(items: Iterable<string>): Iterable<string> {
  for (const item of items) yield* splitGlobs(item);
}

/**
 * "src/**\/*.ts, **\/*.{js,jsx}" → two globs: commas inside braces belong to the glob. Quotes around a
 * single glob (YAML already removed the outer ones) are dropped.
 */
export function splitGlobs(text: string): string[] {
  const globs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const char = text[index];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (index === text.length || (char === ',' && depth === 0)) {
      const glob = unquote(text.slice(start, index).trim());
      if (glob !== '') globs.push(glob);
      start = index + 1;
    }
  }
  return globs;
}

function unquote(glob: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(glob);
  return (quoted ? (quoted[2] ?? '') : glob).trim();
}

/** Whether any of the request's files matches (see `applyToVerdict`). */
export function appliesTo(applyTo: ApplyTo, requestPaths: readonly string[]): boolean {
  return applyToVerdict(applyTo, requestPaths) === 'applies';
}

/**
 * Whether any of the request's files (workspace-relative paths) matches. Like VS Code's own reading of
 * `applyTo`, a glob is not anchored at the root: `src/**` also matches `packages/api/src/a.ts`, and
 * `*.ts` matches a TypeScript file in any folder. A leading `/` anchors it. Each path is checked
 * against the list within one budget of steps (`GLOB_LIMITS.stepsPerCheck`); a path whose check runs
 * out matches nothing, and unless another path matches, the answer is `too-costly`, for a note.
 */
export function applyToVerdict(
  applyTo: ApplyTo,
  requestPaths: readonly string[],
  budgetFor: () => StepBudget = stepBudget,
): 'applies' | 'does-not-apply' | 'too-costly' {
  if (applyTo.kind !== 'globs') return applyTo.kind === 'always' ? 'applies' : 'does-not-apply';
  const paths = requestPaths.map((path) => normalizeRelativePath(path)).filter((path) => path !== '');
  let tooCostly = false;
  // One glob at a time, compiled once, when first reached: the first match ends the search.
  const programs = compiledList(applyTo.globs.map(rootedGlob));
  for (const path of paths) {
    const budget = budgetFor();
    for (let index = 0; index < applyTo.globs.length; index++) {
      const answer = answerOf(programs(index), path, budget);
      if (answer === 'match') return 'applies';
      if (answer === 'exhausted') {
        tooCostly = true;
        break;
      }
    }
  }
  return tooCostly ? 'too-costly' : 'does-not-apply';
}

function rootedGlob(glob: string): string {
  const pattern = normalizeRelativePath(glob);
  return glob.trimStart().startsWith('/') || pattern.startsWith('**/') ? pattern : `**/${pattern}`;
}
