import * as vscode from 'vscode';
import { type parsePersona } from '../../core/persona/parsePersona';
import {
  BUILTIN_PERSONA_ID,
  type Persona,
  type PersonaParseResult,
  type PersonaSource,
  type PersonaSourceKind,
} from '../../core/persona/persona';
import {
  isAbsoluteFolder,
  isPersonaLocation,
  WORKSPACE_PERSONA_GLOB,
  WORKSPACE_PERSONA_LOCATIONS,
} from '../../core/persona/personaLocations';
import { buildCatalog, chooseActivePersona, type ActivePersona, type PersonaCatalog } from '../../core/persona/resolvePersonas';
import { reasonOf } from '../commands/safeCommand';
import { t } from '../../common/l10n';
import { readSettings } from '../../common/settings';

interface PersonaFile {
  readonly uri: vscode.Uri;
  readonly source: PersonaSource;
}

interface Loaded {
  readonly catalog: PersonaCatalog;
  readonly builtin: Persona;
}

interface ParsedFile {
  readonly stamp: string;
  readonly result: PersonaParseResult;
  readonly lineLengths: readonly number[];
}

const RELOAD_DELAY_MS = 150;

/** Front matter and schema: the engine's (src/engine/engine.ts), so the parser loads only when a file needs it. */
export type PersonaParser = () => typeof parsePersona;

/**
 * Every persona the user can choose, from the built-in folder, `architect.personaFolders`, and (in a
 * trusted workspace only) the workspace's persona and agent files. Files are read through
 * `vscode.workspace.fs` and parsed once per version (mtime and size). Each request checks the versions
 * (a directory listing and a stat per file), so an edit is picked up even when a file watcher misses it;
 * watchers, settings and trust changes refresh eagerly so diagnostics on persona files stay current.
 */
export class PersonaStore implements vscode.Disposable {
  #inFlight: Promise<Loaded> | undefined;
  #current: { readonly fingerprint: string; readonly loaded: Loaded } | undefined;
  readonly #parsed = new Map<string, ParsedFile>();
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('architect-personas');
  readonly #disposables: vscode.Disposable[] = [];
  #watchers: vscode.Disposable[] = [];
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #builtinListing: Promise<PersonaFile[]> | undefined;

  readonly #extensionUri: vscode.Uri;
  readonly #log: vscode.LogOutputChannel;
  readonly #parser: PersonaParser;

  constructor(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, parser: PersonaParser) {
    this.#extensionUri = extensionUri;
    this.#log = log;
    this.#parser = parser;
    this.#disposables.push(
      this.#diagnostics,
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#invalidate('workspace trust was granted')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          ['architect.personaFolders', 'architect.importAgentFiles', 'architect.persona'].some((key) => event.affectsConfiguration(key))
        ) {
          this.#watch();
          this.#invalidate('settings changed');
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.#watch();
        this.#invalidate('workspace folders changed');
      }),
      // Saving in the editor, or coming back to the window after editing elsewhere, refreshes diagnostics
      // even when a file watcher has stopped delivering events.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.uri.path.toLowerCase().endsWith('.md')) this.#invalidate('a persona file was saved');
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.#invalidate('the window was focused');
      }),
    );
    this.#watch();
  }

  /** The persona to answer with, and a warning when the configured one could not be used. */
  async active(scope?: vscode.Uri): Promise<ActivePersona> {
    const { catalog, builtin } = await this.#load();
    return chooseActivePersona(catalog, readSettings(scope).persona, builtin, t);
  }

  async all(): Promise<Persona[]> {
    return [...(await this.#load()).catalog.personas.values()];
  }

  /**
   * Checks the persona files now, so that their diagnostics show without waiting for a request. Only
   * files people write can have problems: with none (and nothing shown yet), nothing is parsed.
   */
  async refresh(): Promise<void> {
    if (this.#current !== undefined) {
      await this.#load();
      return;
    }
    const files = await this.#discover();
    if (files.some((file) => file.source.kind !== 'builtin')) await this.#load(files);
  }

  dispose(): void {
    clearTimeout(this.#reloadTimer);
    for (const disposable of [...this.#disposables, ...this.#watchers]) disposable.dispose();
  }

  /** The catalog as the files are now (`files`, when just listed); concurrent callers share one check. */
  #load(files?: PersonaFile[]): Promise<Loaded> {
    this.#inFlight ??= this.#read(files).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  #invalidate(reason: string): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => {
      this.#log.debug(`personas: checking (${reason})`);
      this.refresh().catch((error: unknown) =>
        this.#log.error(`personas: reload failed: ${reasonOf(error)}`),
      );
    }, RELOAD_DELAY_MS);
  }

  async #read(listed?: PersonaFile[]): Promise<Loaded> {
    const files = listed ?? (await this.#discover());
    // Built-in files keep the version they had when the extension started.
    const stamps = await Promise.all(files.map((file) => (file.source.kind === 'builtin' ? 'builtin' : stampOf(file.uri))));
    const fingerprint = files.map((file, index) => `${file.source.kind}:${file.source.uri}@${stamps[index] ?? '?'}`).join('\n');
    if (this.#current?.fingerprint === fingerprint) return this.#current.loaded;

    // Outside the per-file handling of read errors: a parser that cannot load is not a bad file.
    const parse = this.#parser();
    const candidates = await Promise.all(
      files.map(async (file, index) => ({ source: file.source, result: await this.#parse(file, stamps[index], parse) })),
    );
    // Files that are gone leave the cache with their diagnostics.
    const present = new Set(files.map((file) => file.source.uri));
    for (const key of this.#parsed.keys()) if (!present.has(key)) this.#parsed.delete(key);
    const catalog = buildCatalog(candidates, t);
    const builtinCandidate = candidates.find(
      (candidate) => candidate.source.kind === 'builtin' && candidate.result.ok && candidate.result.persona.id === BUILTIN_PERSONA_ID,
    );
    if (!builtinCandidate?.result.ok) throw new Error('the built-in persona personas/backend-architect.md is missing or invalid');

        for (const line of catalog.overrides) this.#log.info(`personas: ${logLine(line)}`);
    for (const { source, keys } of catalog.ignoredKeys)
      this.#log.info(`personas: ${logLine(source.label)}: ignored keys ${logLine(keys.join(', '))}`);
    for (const { source, problems } of catalog.invalid)
      this.#log.warn(`personas: ${logLine(source.label)} is invalid: ${logLine(problems.map((p) => p.message).join(' '))}`);
    this.#log.info(
      `personas: ${catalog.personas.size} valid (${[...catalog.personas.keys()].join(', ')}), ${catalog.invalid.length} invalid`,
    );
    this.#publishDiagnostics(catalog);
    const loaded = { catalog, builtin: builtinCandidate.result.persona };
    this.#current = { fingerprint, loaded };
    return loaded;
  }

  #publishDiagnostics(catalog: PersonaCatalog): void {
    this.#diagnostics.clear();
    for (const { source, problems } of catalog.invalid) {
      const lineLengths = this.#parsed.get(source.uri)?.lineLengths ?? [];
      const diagnostics = problems.map((problem) => {
        const line = Math.max(0, (problem.line ?? 1) - 1);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(line, 0, line, lineLengths[line] ?? 0),
          problem.message,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'Architect';
        diagnostic.code = 'persona';
        return diagnostic;
      });
      this.#diagnostics.set(vscode.Uri.parse(source.uri), diagnostics);
    }
  }

  async #parse(file: PersonaFile, stamp: string | undefined, parse: typeof parsePersona): Promise<PersonaParseResult> {
    const key = file.source.uri;
    const fileName = file.uri.path.replace(/^.*\//, '');
    const cached = this.#parsed.get(key);
    if (stamp !== undefined && cached?.stamp === stamp) return cached.result;
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file.uri));
      const result = parse(text, fileName, file.source, t);
      const lineLengths = result.ok ? [] : text.split('\n').map((line) => line.replace(/\r$/, '').length);
      if (stamp !== undefined) this.#parsed.set(key, { stamp, result, lineLengths });
      return result;
    } catch (error) {
      const reason = reasonOf(error);
      return {
        ok: false,
        id: fileName.replace(/(\.agent)?\.md$/i, ''),
        problems: [{ message: t('The file could not be read: {0}', reason) }],
      };
    }
  }

  /** Persona files in precedence order: built-in, settings, workspace, agent imports. */
  async #discover(): Promise<PersonaFile[]> {
    const settings = readSettings();
    const trusted = vscode.workspace.isTrusted;
    // The extension's own personas cannot change while it runs: listed once.
    this.#builtinListing ??= listPersonaFiles(vscode.Uri.joinPath(this.#extensionUri, 'personas'), '.md', 'builtin');
    // Listed all at once (each listing is a round trip in a remote workspace), kept in precedence order.
    const listings = [this.#builtinListing];
    for (const folder of personaFolderUris(settings.personaFolders, trusted)) listings.push(listPersonaFiles(folder, '.md', 'setting'));
    if (trusted) {
      const folders = foldersLastWins();
      for (const location of WORKSPACE_PERSONA_LOCATIONS) {
        if (location.agentImport && !settings.importAgentFiles) continue;
        for (const folder of folders)
          listings.push(listPersonaFiles(vscode.Uri.joinPath(folder.uri, ...location.folder), location.suffix, location.kind));
      }
    }
    return (await Promise.all(listings)).flat();
  }

  #watch(): void {
    for (const watcher of this.#watchers) watcher.dispose();
    const changed = () => this.#invalidate('a persona file changed');
    const onWorkspaceChange = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const relative = folder ? uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) : '';
      if (isPersonaLocation(relative)) changed();
    };
    this.#watchers = [
      ...(vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
        watchFiles(new vscode.RelativePattern(folder, WORKSPACE_PERSONA_GLOB), onWorkspaceChange),
      ),
      ...personaFolderUris(readSettings().personaFolders, vscode.workspace.isTrusted).flatMap((folder) =>
        watchFiles(new vscode.RelativePattern(folder, '*.md'), changed),
      ),
    ];
  }
}

/** The workspace folders, the first one last: among folders, it wins ("later wins"). */
function foldersLastWins(): vscode.WorkspaceFolder[] {
  return [...(vscode.workspace.workspaceFolders ?? [])].reverse();
}

function personaFolderUris(entries: readonly string[], trusted: boolean): vscode.Uri[] {
  // Untrusted: only the user's own absolute folders, never workspace-relative ones.
  const usable = trusted
    ? entries
    : (vscode.workspace.getConfiguration('architect', null).inspect<string[]>('personaFolders')?.globalValue ?? []);
  const first = vscode.workspace.workspaceFolders?.[0]?.uri;
  return usable.flatMap((entry) => {
    if (isAbsoluteFolder(entry)) return [first && first.scheme !== 'file' ? first.with({ path: entry }) : vscode.Uri.file(entry)];
    return trusted ? foldersLastWins().map((folder) => vscode.Uri.joinPath(folder.uri, entry)) : [];
  });
}

async function listPersonaFiles(folder: vscode.Uri, suffix: string, kind: PersonaSourceKind): Promise<PersonaFile[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  return entries
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith(suffix))
    .map(([name]) => name)
    .sort()
    .map((name) => {
      const uri = vscode.Uri.joinPath(folder, name);
      const label = kind === 'builtin' ? t('built-in') : vscode.workspace.asRelativePath(uri);
      return { uri, source: { kind, uri: uri.toString(), label } };
    });
}

/** A watcher of the files `pattern` matches, calling `onChange` on every creation, change and deletion. */
function watchFiles(pattern: vscode.RelativePattern, onChange: (uri: vscode.Uri) => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  return [watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange)];
}

/** A file's version: its modification time and size; undefined when it cannot be stat'ed. */
async function stampOf(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return `${stat.mtime}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Persona labels and keys come from the workspace: a line break in one must not start a forged log line.
 * (The activation bundle has no room for the full inert-name treatment, and the log renders no markdown.)
 */
function logLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
