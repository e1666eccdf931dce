/**
 * The `architect.*` settings the code reads, with their types. Their defaults live in one place only,
 * the manifest (package.json `contributes.configuration`); a unit test checks that this list and the
 * manifest agree, key for key and type for type.
 */
export const SETTING_TYPES = {
  persona: 'string',
  personaFolders: 'string[]',
  importAgentFiles: 'boolean',
  'designDocs.folder': 'string',
  model: 'string',
  redactSecrets: 'boolean',
  instructionFiles: 'boolean',
  'context.related': 'boolean',
  exclude: 'string[]',
  'tools.enabled': 'boolean',
  'tools.maxRounds': 'integer',
} as const;

export type SettingKey = keyof typeof SETTING_TYPES;
export type SettingType = (typeof SETTING_TYPES)[SettingKey];

/** The bounds of `architect.tools.maxRounds`, as the manifest declares them. */
export const MAX_ROUNDS_RANGE = { minimum: 0, maximum: 20 } as const;

/** Whether a value read from settings.json (edited by hand) has the declared type. */
export function hasSettingType(value: unknown, type: SettingType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'string[]':
      return Array.isArray(value);
  }
}
