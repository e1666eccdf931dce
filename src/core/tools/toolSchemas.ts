import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { tooComplexGlob } from '../glob/globComplexity';
import { GLOB_LIMITS } from '../glob/globLimits';

/**
 * The inputs of the read-only workspace tools (src/core/tools/toolNames.ts). Inputs come from a model
 * and are validated like any other untrusted input; the JSON schemas in package.json say the same to
 * the model.
 */

/** The most lines one read returns; a model that needs more asks again for the next range. */
export const MAX_READ_LINES = 400;
export const MAX_FIND_RESULTS = 100;

/** A workspace-relative path as a tool or the agent's review tool takes it: no absolute path, no `..`. */
export const relativePath = () =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(500),
    z.refine((value) => !/^([a-zA-Z]:|[\\/]|~)/.test(value) && !value.split(/[\\/]/).includes('..'), {
      message: 'a workspace-relative path without ".."',
    }),
  );

/** A 1-based line number. */
const lineNumber = () => z.number().check(z.int(), z.gte(1));

/** A symbol's name, as the model asks for it. */
const symbolName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

export const findFilesInput = lazy(() =>
  z.object({
    pattern: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(GLOB_LIMITS.maxLength),
      z.refine((value) => tooComplexGlob(value) === undefined, {
        message: `a simpler glob: at most ${GLOB_LIMITS.maxWildcards} wildcards and ${GLOB_LIMITS.maxBraces} {…} groups`,
      }),
    ),
    maxResults: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_FIND_RESULTS))),
  }),
);

export const readFileInput = lazy(() =>
  z.object({
    path: relativePath(),
    startLine: z.optional(lineNumber()),
    endLine: z.optional(lineNumber()),
  }),
);

export const findSymbolInput = lazy(() =>
  z.object({
    name: symbolName(),
  }),
);

export const findReferencesInput = lazy(() =>
  z.object({
    path: relativePath(),
    line: lineNumber(),
    symbol: symbolName(),
  }),
);

export type FindFilesInput = z.infer<ReturnType<typeof findFilesInput>>;
export type ReadFileInput = z.infer<ReturnType<typeof readFileInput>>;
export type FindSymbolInput = z.infer<ReturnType<typeof findSymbolInput>>;
export type FindReferencesInput = z.infer<ReturnType<typeof findReferencesInput>>;

export type ParsedInput<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Validates a tool input; the error is one line the model can act on. */
export function parseToolInput<T>(schema: () => z.ZodMiniType<T>, input: unknown): ParsedInput<T> {
  const parsed = schema().safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  return { ok: false, error: `Invalid input for "${field}": ${issue?.message ?? 'invalid'}` };
}

/** The lines a read returns: the asked range, clamped to the file and to MAX_READ_LINES. */
export function clampReadRange(input: ReadFileInput, totalLines: number): { startLine: number; endLine: number; clamped: boolean } {
  const startLine = Math.min(Math.max(input.startLine ?? 1, 1), Math.max(totalLines, 1));
  const wantedEnd = Math.max(input.endLine ?? startLine + MAX_READ_LINES - 1, startLine);
  const endLine = Math.min(wantedEnd, totalLines, startLine + MAX_READ_LINES - 1);
  return { startLine, endLine, clamped: endLine < Math.min(wantedEnd, totalLines) };
}
