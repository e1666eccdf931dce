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

/**
 * The glob the file watcher uses. It is recursive on purpose: a watcher on `.github/architect/*.md`
 * misses the folder when it is created after the watcher, which is how a team persona usually arrives.
 * Events are then narrowed with `isPersonaLocation`.
 */
export const WORKSPACE_PERSONA_GLOB = '{.github,.claude}/**/*.md';

/** Whether a path relative to a workspace folder is one of the persona locations. */
export function isPersonaLocation(relativePath: string): boolean {
  const segments = relativePath.replace(/\\/g, '/').split('/');
  if (segments.length !== 3) return false;
  const name = segments[2] ?? '';
  return WORKSPACE_PERSONA_LOCATIONS.some(
    (location) => location.folder.every((part, index) => segments[index] === part) && name.toLowerCase().endsWith(location.suffix),
  );
}

/** A `architect.personaFolders` entry: absolute, or relative to each workspace folder. */
export function isAbsoluteFolder(entry: string): boolean {
  return entry.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(entry) || entry.startsWith('\\\\');
}
