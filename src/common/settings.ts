import * as vscode from 'vscode';
import { hasSettingType, MAX_ROUNDS_RANGE, SETTING_TYPES, type SettingKey } from '../core/settings/settingsSchema';

export interface ArchitectSettings {
  readonly persona: string;
  readonly personaFolders: readonly string[];
  readonly importAgentFiles: boolean;
  readonly designDocsFolder: string;
  readonly model: string;
  readonly redactSecrets: boolean;
  readonly instructionFiles: boolean;
  /** Send the related code of the code under review (definitions, types, callers). */
  readonly contextRelated: boolean;
  readonly exclude: readonly string[];
  readonly toolsEnabled: boolean;
  readonly toolsMaxRounds: number;
}

/**
 * The `architect.*` settings as plain data. Defaults come from the manifest alone: settings.json is
 * edited by hand, and a value of the wrong type falls back to the manifest's default instead of
 * failing a request. In an untrusted workspace VS Code already ignores workspace values of the
 * restricted settings (see package.json).
 */
export function readSettings(scope?: vscode.Uri): ArchitectSettings {
  const config = vscode.workspace.getConfiguration('architect', scope ?? null);
  const read = <T>(key: SettingKey): T => {
    const value = config.get<unknown>(key);
    return (hasSettingType(value, SETTING_TYPES[key]) ? value : config.inspect(key)?.defaultValue) as T;
  };
  const rounds = read<number>('tools.maxRounds');
  return {
    persona: read('persona'),
    personaFolders: read<unknown[]>('personaFolders').filter((item): item is string => typeof item === 'string'),
    importAgentFiles: read('importAgentFiles'),
    designDocsFolder: read('designDocs.folder'),
    model: read('model'),
    redactSecrets: read('redactSecrets'),
    instructionFiles: read('instructionFiles'),
    contextRelated: read('context.related'),
    exclude: read<unknown[]>('exclude').filter((item): item is string => typeof item === 'string'),
    toolsEnabled: read('tools.enabled'),
    toolsMaxRounds: Math.min(Math.max(rounds, MAX_ROUNDS_RANGE.minimum), MAX_ROUNDS_RANGE.maximum),
  };
}

/**
 * Exclusions and redaction for content that may come from several folders of a multi-root workspace:
 * every folder's exclusions apply (a pattern that guards one folder guards them all), and redaction is
 * on unless every folder turned it off. Erring this way can only send less.
 */
export function protectionFor(resources: readonly vscode.Uri[]): { readonly exclude: readonly string[]; readonly redactSecrets: boolean } {
  const scopes: Array<vscode.Uri | undefined> = [
    undefined,
    ...resources,
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri),
  ];
  const all = scopes.map((scope) => readSettings(scope));
  return {
    exclude: [...new Set(all.flatMap((settings) => settings.exclude))],
    redactSecrets: all.some((settings) => settings.redactSecrets),
  };
}
