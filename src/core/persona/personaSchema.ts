import * as z from 'zod/mini';
import { lazy } from '../lazy';

export const PERSONA_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const MAX_BODY_BYTES = 64 * 1024;
export const KNOWN_KEYS = ['name', 'description', 'id', 'model', 'tools'] as const;

const nonBlank = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const stringOrList = () => z.union([z.string(), z.array(z.string())]);

/** Front matter of a persona file; the same shape as VS Code custom agents and Claude subagents. */
export const personaFrontMatterSchema = lazy(() =>
  z.object({
    name: nonBlank(80),
    description: nonBlank(500),
    id: z.optional(z.string().check(z.regex(PERSONA_ID_PATTERN))),
    model: z.optional(stringOrList()),
    tools: z.optional(stringOrList()),
  }),
);
