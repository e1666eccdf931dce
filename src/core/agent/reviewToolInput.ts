import * as z from 'zod/mini';
import { isSafeRevision } from '../changes/changesArgs';
import { type IntentId } from '../intents/intentTable';
import { lazy } from '../lazy';
import { relativePath } from '../tools/toolSchemas';

/**
 * The input of `architect_review`, the tool an agent (or a person, as `#architectReview`) calls. It
 * comes from a model, so it is validated like any untrusted input; package.json says the same to the
 * model as a JSON schema.
 */
/** Each focus is the id of the command of the table it runs when the tool reviews files. */
export const REVIEW_FOCUSES = ['review', 'security', 'schema', 'diagnose'] as const satisfies readonly IntentId[];
export type ReviewFocus = (typeof REVIEW_FOCUSES)[number];

export const MAX_REVIEW_PATHS = 20;

export const reviewToolInput = lazy(() =>
  z.object({
    paths: z.optional(z.array(relativePath()).check(z.maxLength(MAX_REVIEW_PATHS))),
    changes: z.optional(
      z.string().check(
        z.trim(),
        z.refine((value) => value === 'uncommitted' || value === 'staged' || isSafeRevision(value), {
          message: '"uncommitted", "staged" or a branch, tag or commit',
        }),
      ),
    ),
    focus: z.optional(z.enum(REVIEW_FOCUSES)),
    question: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  }),
);

export type ReviewToolInput = z.infer<ReturnType<typeof reviewToolInput>>;
