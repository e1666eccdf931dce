import * as vscode from 'vscode';
import { codeFamilyOf, maskedLines, type CodeFamily } from '../../core/related/codeText';
import { findDeclarations, ownerOf, qualifierFitsOwner, type FoundDeclaration } from '../../core/related/declarations';
import { OWN_QUALIFIERS, useIdOf } from '../../core/related/identifierUses';
import { goModulePath, parseImports, submoduleBindings, type ImportBinding } from '../../core/related/imports';
import { insideReviewed, WorkBudget } from '../../core/related/rankRelated';
import { ancestorsOf, directoryOf, importTarget, type ResolveContext } from '../../core/related/resolveImport';
import { signatureTypeNames } from '../../core/related/signatureTypes';
import { gatherCallers, MAX_CALLER_SEARCHES, type CallerSearch } from './textCallers';
import { MAX_RELATED_FILE_BYTES, type RelatedFile } from './relatedFiles';
import {
  beforeDeadline,
  findFiles,
  folderRelative,
  gathered,
  inFolder,
  isCancelledOrLate,
  readAll,
  usedAt,
  type GatherContext,
  type Gathered,
  type GatheredSink,
  type ReviewedCode,
} from './relatedWork';

/** How deep re-exports are followed (`export * from './orders'` in an index file, and so on). */
const MAX_IMPORT_DEPTH = 3;
/** Searches by file name, per gathering, and the files each may return. */
const MAX_SEARCHES = 4;
const MAX_SEARCH_RESULTS = 5;
/** Files of one Go package read to find a name. */
const MAX_PACKAGE_FILES = 20;
/** How far up go.mod is looked for. */
const MAX_GO_MOD_DEPTH = 6;
/** Member uses (`h.Store.ListOrders`) looked up as methods in the modules the file imports. */
const MAX_MEMBER_USES = 20;

interface WantedEntry {
  readonly use: ReviewedCode['uses'][number];
  readonly index: number;
  /**
   * The name of a module the imported one re-exports, through which the name is reached:
   * `const { tokenService } = require('../services')`, then `tokenService.generateToken`.
   */
  readonly through?: string;
  /** A member of a value whose type is unknown here (`h.Store.ListOrders`): only a method declaration answers. */
  readonly methodOnly?: boolean;
}

/** The names searched for in a module, by their name there, and the use each answers. */
type Wanted = ReadonlyMap<string, WantedEntry>;

/** What one gathering's text search shares across the files under review. */
interface TextSearch extends CallerSearch {
  /** Each file is read once: an import cycle meets the visited set. */
  readonly visited: Set<string>;
  /** Searches by file name left. */
  readonly searches: WorkBudget;
}

/**
 * Related code without a language server: the declarations of the used names in the file itself,
 * in the files its imports resolve to (TS/JS relative imports, Python modules, Go packages of the
 * module), following re-exports a few steps, and, for an import that resolves to nothing, a bounded
 * search by the module's file name. Each file is read once: an import cycle meets the visited set.
 */
export class TextGatherer {
  readonly #search: TextSearch;

  constructor(context: GatherContext, sink: GatheredSink) {
    this.#search = {
      context,
      sink,
      visited: new Set(),
      searches: new WorkBudget(MAX_SEARCHES),
      callerSearches: new WorkBudget(MAX_CALLER_SEARCHES),
    };
  }

  /** Puts what it finds into the sink as it finds it. */
  gather(code: ReviewedCode): Promise<void> {
    return gatherByText(this.#search, code);
  }
}

async function gatherByText(search: TextSearch, code: ReviewedCode): Promise<void> {
  const unqualified = wantedWhere(code, (use) => use.qualifier === undefined || OWN_QUALIFIERS.has(use.qualifier));
  // The reviewed file's own declarations, unless it is too large to scan within the deadline.
  if (code.text.length <= MAX_RELATED_FILE_BYTES) declarationsIn(search, code, code, code.family, unqualified);
  search.visited.add(code.key);
  const folder = vscode.workspace.getWorkspaceFolder(code.uri);
  const importer = folder ? folderRelative(folder, code.uri) : undefined;
  if (!folder || importer === undefined) return;
  const resolve: ResolveContext = { importer, ...(code.family === 'go' ? await goModule(search.context, folder, importer) : {}) };
  const bindings = parseImports(code.text, code.family).slice(0, 100);
  const members = memberUses(code, bindings);
  // `from app import crud` may import the module app/crud.py: searched as one more import.
  const searched = bindings.flatMap((binding) => [
    { binding, members },
    ...submoduleBindings(binding, code.family).map((module) => ({ binding: module, members: NOTHING })),
  ]);
  // The search for callers lists files meanwhile, and reads them once the definitions are in:
  // what the reviewed lines use ranks first, so it is read first.
  const definitions = Promise.all(
    searched.map(async ({ binding, members: others }) => {
      const own = wantedFrom(binding, code);
      const wanted = merged(own, others);
      // Members alone look into a module the import resolves to, never spend a search by name.
      if (wanted.size > 0) await searchModule(search, code, folder, resolve, binding, wanted, 0, own.size > 0);
    }),
  ).then(async () => {
    if (code.family === 'go') await samePackage(search, code, folder, importer, merged(unqualified, members));
  });
  await Promise.all([definitions, gatherCallers(search, code, folder, resolve, definitions)]);
}

/**
 * The declarations of the wanted names in a file. One inside the reviewed lines is sent already: only
 * the reviewed file itself holds one (it is visited before any other file is read).
 */
function declarationsIn(search: TextSearch, code: ReviewedCode, file: RelatedFile, family: CodeFamily, wanted: Wanted): Gathered[] {
  let masked: string[] | undefined;
  const found = findDeclarations(file.text, family, new Set(wanted.keys()))
    .filter((declaration) => !insideReviewed(code, file.key, declaration.startLine, declaration.endLine))
    .filter((declaration) => fitsMember(wanted, declaration, () => (masked ??= maskedLines(file.text, family)), family))
    .flatMap((declaration) => {
      const entry = wanted.get(declaration.name);
      if (!entry) return [];
      const reason = TYPE_KEYWORDS.has(declaration.keyword) ? 'type' : 'definition';
      const piece = { symbol: declaration.name, reason, usedAt: usedAt(code, entry.use) } as const;
      return [gathered(file, declaration, piece, entry.index, useIdOf(entry.use))];
    });
  search.sink.byText.push(...found);
  if (found.length > 0) signatureTypes(search.sink, code, file, family, found);
  return found;
}

/**
 * The types a found function names in its signature, where the same file declares them
 * (`findUserById(): Promise<UserRow | undefined>` beside `interface UserRow`): what it returns is
 * part of what the reviewed lines receive. Their own use id: a language server's answer for the
 * function does not decide them.
 */
function signatureTypes(sink: GatheredSink, code: ReviewedCode, file: RelatedFile, family: CodeFamily, found: readonly Gathered[]): void {
  const lines = maskedLines(file.text, family);
  const wanted = new Map<string, Gathered>();
  for (const item of found) {
    const { candidate } = item.item;
    if (candidate.reason !== 'definition') continue;
    const range = { startLine: candidate.startLine, endLine: candidate.endLine, name: candidate.symbol };
    for (const name of signatureTypeNames(lines, range, family)) if (!wanted.has(name)) wanted.set(name, item);
  }
  if (wanted.size === 0) return;
  for (const declaration of findDeclarations(file.text, family, new Set(wanted.keys()), 1)) {
    const from = wanted.get(declaration.name);
    if (!from || !SIGNATURE_TYPE_KEYWORDS.has(declaration.keyword)) continue;
    if (insideReviewed(code, file.key, declaration.startLine, declaration.endLine)) continue;
    const piece = { symbol: declaration.name, reason: 'type' as const, usedAt: from.item.candidate.usedAt ?? code.label };
    sink.byText.push(gathered(file, declaration, piece, from.item.useIndex, `signature:${declaration.name}`));
  }
}

async function searchModule(
  search: TextSearch,
  code: ReviewedCode,
  folder: vscode.WorkspaceFolder,
  resolve: ResolveContext,
  binding: ImportBinding,
  wanted: Wanted,
  depth: number,
  searchByName: boolean,
): Promise<void> {
  const family = codeFamilyOf(resolve.importer) ?? code.family;
  const files = await moduleFiles(search, folder, resolve, binding, family, searchByName);
  for (const file of files) {
    if (search.visited.has(file.key) || isCancelledOrLate(search.context)) continue;
    search.visited.add(file.key);
    const fileFamily = codeFamilyOf(file.uri.path) ?? family;
    const here = declarationsIn(search, code, file, fileFamily, wanted);
    const missing = withoutFound(wanted, here);
    const importer = folderRelative(folder, file.uri);
    if (missing.size === 0 || depth + 1 >= MAX_IMPORT_DEPTH || importer === undefined) continue;
    for (const next of parseImports(file.text, fileFamily).slice(0, 100)) {
      const forwarded = forwardedThrough(next, missing);
      if (forwarded.size > 0) await searchModule(search, code, folder, { ...resolve, importer }, next, forwarded, depth + 1, searchByName);
    }
  }
}

/** The files an import leads to: the first candidate path that is a file, a Go package's files, or a search by name. */
async function moduleFiles(
  search: TextSearch,
  folder: vscode.WorkspaceFolder,
  resolve: ResolveContext,
  binding: ImportBinding,
  family: CodeFamily,
  searchByName: boolean,
): Promise<RelatedFile[]> {
  const { context } = search;
  const target = importTarget(binding, family, resolve);
  if (!target) return [];
  if (target.directory !== undefined) return packageFiles(context, inFolder(folder, target.directory));
  // All candidate paths at once (one round trip, not one per miss); the first in order that is a file wins.
  const paths = target.files.slice(0, 40).map((path) => inFolder(folder, path));
  const isFile = await Promise.all(paths.map((uri) => context.files.isFile(uri)));
  const found = paths.find((_, index) => isFile[index]);
  if (found) return readAll(context, [found]);
  const glob = target.searchGlob;
  if (glob === undefined || !searchByName || !search.searches.take()) return [];
  const uris = await findFiles(context, new vscode.RelativePattern(folder, glob), MAX_SEARCH_RESULTS);
  return readAll(context, uris);
}

/** The files of a Go package, in name order, without its tests. */
async function packageFiles(context: GatherContext, directory: vscode.Uri): Promise<RelatedFile[]> {
  const entries = await beforeDeadline(() => vscode.workspace.fs.readDirectory(directory), context);
  const names = (entries ?? [])
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.endsWith('.go') && !name.endsWith('_test.go'))
    .map(([name]) => name)
    .sort()
    .slice(0, MAX_PACKAGE_FILES);
  return readAll(
    context,
    names.map((name) => vscode.Uri.joinPath(directory, name)),
  );
}

/** Go needs no import for the other files of its own package. */
async function samePackage(
  search: TextSearch,
  code: ReviewedCode,
  folder: vscode.WorkspaceFolder,
  importer: string,
  wanted: Wanted,
): Promise<void> {
  for (const file of await packageFiles(search.context, inFolder(folder, directoryOf(importer)))) {
    if (search.visited.has(file.key)) continue;
    search.visited.add(file.key);
    declarationsIn(search, code, file, 'go', wanted);
  }
}

/** The nearest go.mod at or above the file, within its workspace folder. */
async function goModule(
  context: GatherContext,
  folder: vscode.WorkspaceFolder,
  importer: string,
): Promise<Pick<ResolveContext, 'goModule'>> {
  for (const directory of ancestorsOf(directoryOf(importer), MAX_GO_MOD_DEPTH)) {
    const uri = inFolder(folder, directory === '' ? 'go.mod' : `${directory}/go.mod`);
    if (await context.files.isFile(uri)) {
      const file = await context.files.read(uri);
      const path = file ? goModulePath(file.text) : undefined;
      return path ? { goModule: { directory, path } } : {};
    }
  }
  return {};
}

const TYPE_KEYWORDS = new Set(['interface', 'type', 'struct', 'enum', 'trait']);
/** What a signature's type name may be declared as (a class too: a Python model, a TS class). */
const SIGNATURE_TYPE_KEYWORDS = new Set([...TYPE_KEYWORDS, 'class']);

function wantedWhere(code: ReviewedCode, accept: (use: ReviewedCode['uses'][number]) => boolean): Wanted {
  const wanted = new Map<string, WantedEntry>();
  code.uses.forEach((use, offset) => {
    if (accept(use) && !wanted.has(use.name)) wanted.set(use.name, { use, index: code.firstUseIndex + offset });
  });
  return wanted;
}

/**
 * Member uses whose qualifier names no import (`h.Store.ListOrders`, `this.repo.markCancelled`): the
 * value's type is unknown here, so a method of that name in a module the file imports answers them.
 */
function memberUses(code: ReviewedCode, bindings: readonly ImportBinding[]): Wanted {
  const known = new Set<string>(OWN_QUALIFIERS);
  for (const binding of bindings) {
    if (binding.namespace !== undefined) known.add(binding.namespace);
    for (const pair of binding.names) known.add(pair.local);
  }
  const wanted = new Map<string, WantedEntry>();
  code.uses.forEach((use, offset) => {
    if (use.qualifier === undefined || known.has(use.qualifier) || wanted.has(use.name) || wanted.size >= MAX_MEMBER_USES) return;
    wanted.set(use.name, { use, index: code.firstUseIndex + offset, methodOnly: true });
  });
  return wanted;
}

/**
 * The names an import brings that the reviewed lines use, by their name in the imported module: a
 * named import used alone, a namespace's member, and a named import used as a namespace (reached
 * through a re-export).
 */
function wantedFrom(binding: ImportBinding, code: ReviewedCode): Wanted {
  const wanted = new Map<string, WantedEntry>();
  code.uses.forEach((use, offset) => {
    const entry = { use, index: code.firstUseIndex + offset };
    if (use.qualifier === undefined) {
      const named = binding.names.find((name) => name.local === use.name);
      if (named && !wanted.has(named.imported)) wanted.set(named.imported, entry);
      return;
    }
    if (wanted.has(use.name)) return;
    if (use.qualifier === binding.namespace) wanted.set(use.name, entry);
    else {
      const module = binding.names.find((name) => name.local === use.qualifier);
      if (module) wanted.set(use.name, { ...entry, through: module.imported });
    }
  });
  return wanted;
}

const NOTHING: Wanted = new Map();

/**
 * A member use of an unknown value (`h.Store.ListOrders`) is answered only by a method whose type the
 * value's name fits (`func (s *Store) ListOrders`, `this.repository` → `class OrderRepository`):
 * `req.query.get` is not `Router.get`.
 */
function fitsMember(wanted: Wanted, declaration: FoundDeclaration, masked: () => readonly string[], family: CodeFamily): boolean {
  const entry = wanted.get(declaration.name);
  if (!entry?.methodOnly) return true;
  if (declaration.keyword !== 'method' || entry.use.qualifier === undefined) return false;
  const owner = ownerOf(masked(), declaration.startLine, family);
  return owner !== undefined && qualifierFitsOwner(entry.use.qualifier, owner);
}

function merged(first: Wanted, second: Wanted): Wanted {
  const both = new Map(first);
  for (const [name, entry] of second) if (!both.has(name)) both.set(name, entry);
  return both;
}

function withoutFound(wanted: Wanted, found: readonly Gathered[]): Wanted {
  const names = new Set(found.map((item) => item.item.candidate.symbol));
  return new Map([...wanted].filter(([name]) => !names.has(name)));
}

/**
 * The still-missing names a file re-exports from another module (`export { x } from`, `export *`, a
 * Python re-import), and the names reached through a module it re-exports by name
 * (`tokenService: require('./tokenService')`, `export * as tokenService from`).
 */
function forwardedThrough(binding: ImportBinding, missing: Wanted): Wanted {
  const forwarded = new Map<string, WantedEntry>();
  for (const [name, entry] of missing) {
    if (entry.through !== undefined) {
      if (binding.namespace === entry.through) forwarded.set(name, { use: entry.use, index: entry.index });
      continue;
    }
    const named = binding.names.find((pair) => pair.local === name);
    if (named) forwarded.set(named.imported, entry);
    else if (binding.reexportsAll) forwarded.set(name, entry);
  }
  return forwarded;
}
