// @ts-check
// A minimal stand-in for the `vscode` module: enough for loading the bundle, activate() and what it
// schedules right after (the persona store's first load), no more. Every call is a cheap no-op; the
// point is to time our module, not an editor. Every name @types/vscode declares at the top level
// exists (enums with their values, classes, namespaces), because the bundle copies the module's
// properties once at load (esbuild's `import * as vscode`); the behaviour activate() relies on is
// written out below. A namespace member used but not written out is recorded in `missing` (and still
// answered with a no-op), so a new API used at activation shows up in the output instead of silently
// skewing it.
/* eslint-disable @typescript-eslint/no-extraneous-class -- the real API's values are classes too: the
   extension tests `instanceof vscode.Uri` and the like, so plain objects would not do. */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** `contributes.configuration` defaults of the extension's manifest, by full setting name. */
function manifestDefaults(extensionPath) {
  const manifest = JSON.parse(readFileSync(`${extensionPath}/package.json`, 'utf8'));
  const sections = [manifest.contributes?.configuration ?? []].flat();
  /** @type {Record<string, unknown>} */
  const defaults = {};
  for (const section of sections)
    for (const [name, property] of Object.entries(section.properties ?? {})) defaults[name] = property.default;
  return defaults;
}

/** Top-level enums (with values and reverse mappings, as TypeScript emits them), classes and namespaces. */
function declaredApi() {
  const dts = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
  /** @type {Record<string, Record<string, string | number>>} */
  const enums = {};
  for (const match of dts.matchAll(/^\texport enum (\w+) \{([\s\S]*?)^\t\}/gm)) {
    const body = (match[2] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    /** @type {Record<string, string | number>} */
    const values = {};
    let next = 0;
    for (const member of body.split(',')) {
      const parts = /^\s*(\w+)\s*(?:=\s*(.+?))?\s*$/.exec(member);
      if (!parts?.[1]) continue;
      const raw = parts[2];
      const shift = raw === undefined ? undefined : /^(\d+)\s*<<\s*(\d+)$/.exec(raw);
      const value =
        raw === undefined
          ? next
          : /^-?\d+$/.test(raw)
            ? Number(raw)
            : shift
              ? Number(shift[1]) << Number(shift[2])
              : /^['"]/.test(raw)
                ? raw.slice(1, -1)
                : next;
      values[parts[1]] = value;
      if (typeof value === 'number') {
        values[value] = parts[1];
        next = value + 1;
      }
    }
    enums[match[1] ?? ''] = values;
  }
  const names = (pattern) => [...dts.matchAll(pattern)].map((match) => match[1] ?? '');
  return { enums, classes: names(/^\texport class (\w+)/gm), namespaces: names(/^\texport namespace (\w+)/gm) };
}

/**
 * @param {{ extensionPath: string }} options
 */
export function createVscodeStub({ extensionPath }) {
  /** @type {Set<string>} */
  const missing = new Set();
  const disposable = () => ({ dispose() {} });
  const event = () => disposable();

  class Disposable {
    /** @param {() => void} [callOnDispose] */
    constructor(callOnDispose) {
      this.callOnDispose = callOnDispose;
    }
    static from(...items) {
      return new Disposable(() => items.forEach((item) => item?.dispose?.()));
    }
    dispose() {
      this.callOnDispose?.();
    }
  }

  class EventEmitter {
    /** @type {Array<(value: unknown) => void>} */
    listeners = [];
    event = (/** @type {(value: unknown) => void} */ listener) => {
      this.listeners.push(listener);
      return disposable();
    };
    fire(value) {
      for (const listener of this.listeners) listener(value);
    }
    dispose() {
      this.listeners = [];
    }
  }

  class Uri {
    /** @param {string} scheme @param {string} authority @param {string} path @param {string} [query] @param {string} [fragment] */
    constructor(scheme, authority, path, query = '', fragment = '') {
      this.scheme = scheme;
      this.authority = authority;
      this.path = path;
      this.query = query;
      this.fragment = fragment;
    }
    get fsPath() {
      return this.path;
    }
    static file(path) {
      return new Uri('file', '', path);
    }
    static parse(value) {
      const match = /^([a-z][\w+.-]*):\/\/([^/]*)([^?#]*)/i.exec(value);
      return match ? new Uri(match[1] ?? 'file', match[2] ?? '', match[3] ?? '/') : new Uri('file', '', value);
    }
    static joinPath(base, ...segments) {
      return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ''), ...segments].join('/'));
    }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path);
    }
    toString() {
      return `${this.scheme}://${this.authority}${this.path}`;
    }
  }

  class Position {
    constructor(line, character) {
      this.line = line;
      this.character = character;
    }
  }
  class Range {
    constructor(a, b, c, d) {
      this.start = a instanceof Position ? a : new Position(a, b);
      this.end = a instanceof Position ? b : new Position(c, d);
    }
    get isEmpty() {
      return this.start.line === this.end.line && this.start.character === this.end.character;
    }
  }
  class Selection extends Range {}
  class Location {
    constructor(uri, range) {
      this.uri = uri;
      this.range = range;
    }
  }
  class Diagnostic {
    constructor(range, message, severity) {
      this.range = range;
      this.message = message;
      this.severity = severity;
    }
  }
  class ThemeIcon {
    constructor(id) {
      this.id = id;
    }
  }
  class RelativePattern {
    constructor(base, pattern) {
      this.base = base;
      this.pattern = pattern;
    }
  }
  class CancellationTokenSource {
    token = { isCancellationRequested: false, onCancellationRequested: event };
    cancel() {
      this.token.isCancellationRequested = true;
    }
    dispose() {}
  }
  class CancellationError extends Error {}

  // Settings answer with the manifest's defaults, as VS Code does when the user has set nothing.
  const defaults = manifestDefaults(extensionPath);
  const getConfiguration = (section) => {
    const full = (key) => (section ? `${section}.${key}` : key);
    return {
      get: (key, fallback) => (full(key) in defaults ? defaults[full(key)] : fallback),
      has: (key) => full(key) in defaults,
      inspect: (key) => (full(key) in defaults ? { key: full(key), defaultValue: defaults[full(key)] } : undefined),
      update: async () => undefined,
    };
  };
  const fileSystemWatcher = () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} });
  const outputChannel = () => ({
    name: 'Architect',
    logLevel: 2,
    onDidChangeLogLevel: event,
    append() {},
    appendLine() {},
    replace() {},
    clear() {},
    show() {},
    hide() {},
    dispose() {},
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error() {},
  });
  const diagnosticCollection = (name) => ({
    name,
    set() {},
    delete() {},
    clear() {},
    forEach() {},
    get: () => undefined,
    has: () => false,
    dispose() {},
  });
  const participant = (id) => ({ id, iconPath: undefined, followupProvider: undefined, onDidReceiveFeedback: event, dispose() {} });

  const api = {
    version: '1.104.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection,
    Location,
    Diagnostic,
    ThemeIcon,
    RelativePattern,
    CancellationTokenSource,
    CancellationError,
    LanguageModelChatMessage: { User: (text) => ({ role: 1, text }), Assistant: (text) => ({ role: 2, text }) },
    window: {
      createOutputChannel: outputChannel,
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showInformationMessage: async () => undefined,
      activeTextEditor: undefined,
      visibleTextEditors: [],
      tabGroups: { all: [] },
      onDidChangeWindowState: event,
    },
    commands: { registerCommand: () => disposable(), executeCommand: async () => undefined },
    chat: { createChatParticipant: participant },
    languages: { createDiagnosticCollection: diagnosticCollection, registerCodeActionsProvider: () => disposable() },
    lm: { selectChatModels: async () => [], registerTool: () => disposable(), tools: [], onDidChangeChatModels: event },
    l10n: { t: (template) => template },
    env: { language: 'en', appName: 'Visual Studio Code' },
    extensions: { getExtension: () => undefined },
    workspace: {
      isTrusted: true,
      workspaceFolders: undefined,
      textDocuments: [],
      notebookDocuments: [],
      onDidGrantWorkspaceTrust: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      onDidOpenTextDocument: event,
      onDidCloseTextDocument: event,
      onDidChangeTextDocument: event,
      onDidSaveTextDocument: event,
      createFileSystemWatcher: fileSystemWatcher,
      getConfiguration,
      asRelativePath: (value) => String(value),
      fs: {
        stat: async () => ({ type: 1, ctime: 0, mtime: 0, size: 0 }),
        readDirectory: async () => [],
        readFile: async () => new Uint8Array(),
        writeFile: async () => undefined,
        createDirectory: async () => undefined,
      },
    },
  };

  /** Records reads of namespace members not written out; answers them with a callable no-op. */
  const watch = (target, where) =>
    new Proxy(target, {
      get(object, key) {
        if (typeof key !== 'string' || key in object || key === 'then' || key === '__esModule' || key === 'default')
          return Reflect.get(object, key);
        missing.add(`${where}.${key}`);
        return () => disposable();
      },
    });
  const declared = declaredApi();
  /** @type {Record<string, unknown>} */
  const vscode = {};
  for (const name of declared.classes) {
    vscode[name] = class {
      constructor(...args) {
        this.args = args;
      }
    };
  }
  Object.assign(vscode, declared.enums);
  for (const name of declared.namespaces) vscode[name] = {};
  for (const [key, value] of Object.entries(api)) {
    const isNamespace = value !== null && typeof value === 'object' && declared.namespaces.includes(key);
    vscode[key] = isNamespace ? { ...value } : value;
  }
  for (const name of declared.namespaces) vscode[name] = watch(/** @type {object} */ (vscode[name]), `vscode.${name}`);

  const memento = { get: (_key, fallback) => fallback, update: async () => undefined, keys: () => [], setKeysForSync() {} };
  const extensionUri = Uri.file(extensionPath);
  const context = watch(
    {
      subscriptions: [],
      extensionUri,
      extensionPath,
      extensionMode: 1,
      globalState: memento,
      workspaceState: memento,
      secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: event },
      environmentVariableCollection: { replace() {}, append() {}, prepend() {}, clear() {} },
      storageUri: undefined,
      globalStorageUri: Uri.joinPath(extensionUri, '.global-storage'),
      logUri: Uri.joinPath(extensionUri, '.log'),
      asAbsolutePath: (relative) => `${extensionPath}/${relative}`,
      extension: { id: 'architect-tools.architect-chat', extensionUri, extensionPath, packageJSON: {}, isActive: true },
    },
    'context',
  );
  return { vscode, context, missing };
}
