/** Where a persona came from; later kinds win for the same id (README, "Personas"). */
export type PersonaSourceKind = 'builtin' | 'setting' | 'workspace' | 'agent';

export interface PersonaSource {
  readonly kind: PersonaSourceKind;
  /** The file as a URI string: the key for caching and diagnostics. */
  readonly uri: string;
  /** What a person reads: "built-in", ".github/architect/api.md". */
  readonly label: string;
}

export interface Persona {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  /** Preferred model families or `vendor/id`s, in order. */
  readonly models: readonly string[];
  readonly tools: readonly string[];
  readonly source: PersonaSource;
}

export interface PersonaProblem {
  readonly message: string;
  /** 1-based line in the file, when the problem has a place. */
  readonly line?: number;
}

export type PersonaParseResult =
  | { readonly ok: true; readonly persona: Persona; readonly ignoredKeys: readonly string[] }
  | { readonly ok: false; readonly id: string; readonly problems: readonly PersonaProblem[] };

export const BUILTIN_PERSONA_ID = 'backend-architect';
