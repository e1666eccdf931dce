import { english, type Translate } from '../i18n';
import { BUILTIN_PERSONA_ID, type Persona, type PersonaParseResult, type PersonaProblem, type PersonaSource } from './persona';

export interface PersonaCandidate {
  readonly source: PersonaSource;
  readonly result: PersonaParseResult;
}

export interface PersonaCatalog {
  /** Every valid persona by id, after precedence. */
  readonly personas: ReadonlyMap<string, Persona>;
  /** Invalid files with their problems, for diagnostics. */
  readonly invalid: ReadonlyArray<{ readonly source: PersonaSource; readonly id: string; readonly problems: readonly PersonaProblem[] }>;
  /** One line per id that a later source took over, for the log. */
  readonly overrides: readonly string[];
  /** Keys that were ignored, per file, for the log. */
  readonly ignoredKeys: ReadonlyArray<{ readonly source: PersonaSource; readonly keys: readonly string[] }>;
}

/**
 * Merges candidates given in precedence order (built-in first, workspace agents last): a later
 * candidate with the same id replaces an earlier one, and the replacement is reported.
 */
export function buildCatalog(candidates: readonly PersonaCandidate[], t: Translate = english): PersonaCatalog {
  const personas = new Map<string, Persona>();
  const invalid: Array<{ source: PersonaSource; id: string; problems: readonly PersonaProblem[] }> = [];
  const overrides: string[] = [];
  const ignoredKeys: Array<{ source: PersonaSource; keys: readonly string[] }> = [];
  for (const { source, result } of candidates) {
    if (!result.ok) {
      invalid.push({ source, id: result.id, problems: result.problems });
      continue;
    }
    if (result.ignoredKeys.length > 0) ignoredKeys.push({ source, keys: result.ignoredKeys });
    const previous = personas.get(result.persona.id);
    if (previous) {
      overrides.push(t('Persona "{0}" from {1} overrides the one from {2}.', result.persona.id, source.label, previous.source.label));
    }
    personas.set(result.persona.id, result.persona);
  }
  return { personas, invalid, overrides, ignoredKeys };
}

export interface ActivePersona {
  readonly persona: Persona;
  /** Set when the configured persona could not be used: one line naming the problem. */
  readonly warning?: string;
}

/**
 * The persona to answer with: the configured one when valid, otherwise the built-in backend architect
 * (the shipped file, even if a workspace file took over its id) with a warning that says why.
 */
export function chooseActivePersona(catalog: PersonaCatalog, wantedId: string, builtin: Persona, t: Translate = english): ActivePersona {
  const id = wantedId.trim() || BUILTIN_PERSONA_ID;
  const found = catalog.personas.get(id);
  if (found) return { persona: found };
  const broken = [...catalog.invalid].reverse().find((entry) => entry.id === id);
  if (broken) {
    const problem = broken.problems[0];
    const where = problem?.line ? `${broken.source.label}:${problem.line}` : broken.source.label;
    return {
      persona: builtin,
      warning: t('Persona "{0}" is invalid ({1}: {2}); using {3} instead.', id, where, problem?.message ?? '', builtin.name),
    };
  }
  return { persona: builtin, warning: t('Persona "{0}" was not found; using {1} instead.', id, builtin.name) };
}
