import { type PersonaSourceKind } from './persona';

/** Where persona files live inside a workspace folder, in precedence order (later wins). */
export interface PersonaLocation {
  readonly kind: PersonaSourceKind;
  readonly folder: readonly string[];
  readonly suffix: string;
  /** Only read when `architect.importAgentFiles` is on. */
  readonly agentImport: boolean;
}

export const WORKSPACE_PERSONA_LOCATIONS: readonly PersonaLocation[] = [
  { kind: 'workspace', folder: ['.github', 'architect'], suffix: '.md', agentImport: false },
  { kind: 'agent', folder: ['.github', 'agents'], suffix: '.agent.md', agentImport: true },
  { kind: 'agent', folder: ['.claude', 'agents'], suffix: '.md', agentImport: true },
];

/** The glob a file watcher uses for every workspace location at once. */
export const WORKSPACE_PERSONA_GLOB = '{.github/architect/*.md,.github/agents/*.agent.md,.claude/agents/*.md}';

/** A `architect.personaFolders` entry: absolute, or relative to each workspace folder. */
export function isAbsoluteFolder(entry: string): boolean {
  return entry.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(entry) || entry.startsWith('\\\\');
}
