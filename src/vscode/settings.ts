import * as vscode from 'vscode';

export interface ArchitectSettings {
  readonly persona: string;
  readonly personaFolders: readonly string[];
  readonly importAgentFiles: boolean;
  readonly designDocsFolder: string;
  readonly model: string;
  readonly redactSecrets: boolean;
  readonly exclude: readonly string[];
  readonly toolsEnabled: boolean;
  readonly toolsMaxRounds: number;
}

const DEFAULT_EXCLUDE = ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'];

/**
 * The `architect.*` settings as plain data, checked for type: settings.json is edited by hand and a
 * wrong type falls back to the default instead of failing a request. In an untrusted workspace VS Code
 * already ignores workspace values of the restricted settings (see package.json).
 */
export function readSettings(scope?: vscode.Uri): ArchitectSettings {
  const config = vscode.workspace.getConfiguration('architect', scope ?? null);
  const text = (key: string, fallback: string) => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' ? value : fallback;
  };
  const flag = (key: string, fallback: boolean) => {
    const value = config.get<unknown>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const list = (key: string, fallback: readonly string[]) => {
    const value = config.get<unknown>(key);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : fallback;
  };
  const rounds = config.get<unknown>('tools.maxRounds');
  return {
    persona: text('persona', 'backend-architect'),
    personaFolders: list('personaFolders', []),
    importAgentFiles: flag('importAgentFiles', true),
    designDocsFolder: text('designDocs.folder', 'docs/design'),
    model: text('model', ''),
    redactSecrets: flag('redactSecrets', true),
    exclude: list('exclude', DEFAULT_EXCLUDE),
    toolsEnabled: flag('tools.enabled', true),
    toolsMaxRounds: typeof rounds === 'number' && Number.isInteger(rounds) ? Math.min(Math.max(rounds, 0), 20) : 5,
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
