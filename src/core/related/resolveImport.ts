import { startsWithAny, type CodeFamily } from './codeText';
import { type ImportBinding } from './imports';

/** Where an import may lead, inside the importing file's workspace folder. */
export interface ImportTarget {
  /** Folder-relative paths to try in order; the first that exists is the module. */
  readonly files: readonly string[];
  /** A Go package: every file of this folder-relative directory. */
  readonly directory?: string;
  /** For a search by name when nothing above exists: a glob relative to the folder ("**\/db/orders.py"). */
  readonly searchGlob?: string;
}

export interface ResolveContext {
  /** The importing file, relative to its workspace folder ("src/routes/orders.ts"). */
  readonly importer: string;
  /** For Go: the folder-relative directory of go.mod ("" at the root) and its module path. */
  readonly goModule?: { readonly directory: string; readonly path: string };
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Node16 ESM imports name the output file ('./orders.js'); the source beside it is the TypeScript one. */
const SOURCE_FOR_OUTPUT: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
/** Non-relative specifiers that are the project's own source by convention, not a package. */
const SOURCE_ALIASES = ['@/', '~/', 'src/'];

/** At most this many ancestor folders are tried as a Python import root. */
const MAX_PYTHON_ROOTS = 6;

/**
 * Characters a file search reads as glob syntax. An import written by the repository may become a
 * `findFiles` glob: one that holds any of them is not resolved at all (R43 through repository text).
 */
const GLOB_SYNTAX = /[*?[\]{}]/;

export function importTarget(binding: ImportBinding, family: CodeFamily, context: ResolveContext): ImportTarget | undefined {
  if (GLOB_SYNTAX.test(binding.specifier)) return undefined;
  switch (family) {
    case 'script':
      return scriptTarget(binding.specifier, context.importer);
    case 'python':
      return pythonTarget(binding, context.importer);
    case 'go':
      return goTarget(binding.specifier, context.goModule);
    case 'braces':
      return undefined;
  }
}

function scriptTarget(specifier: string, importer: string): ImportTarget | undefined {
  if (startsWithAny(specifier, ['./', '../'])) {
    const base = joinPath(directoryOf(importer), specifier);
    return base === undefined ? undefined : { files: scriptFiles(base) };
  }
  const alias = SOURCE_ALIASES.find((prefix) => specifier.startsWith(prefix));
  if (alias === undefined) return undefined; // a package: node_modules is never read
  const rest = specifier.slice(alias.length);
  const base = joinPath('src', rest);
  return base === undefined ? undefined : { files: scriptFiles(base), searchGlob: `**/${rest}{${SCRIPT_EXTENSIONS.join(',')}}` };
}

function scriptFiles(base: string): string[] {
  const extension = SCRIPT_EXTENSIONS.find((candidate) => base.endsWith(candidate));
  if (extension !== undefined) {
    const stem = base.slice(0, -extension.length);
    return [...(SOURCE_FOR_OUTPUT[extension] ?? []).map((source) => stem + source), base];
  }
  return [base, `${base}/index`].flatMap((stem) => SCRIPT_EXTENSIONS.map((candidate) => stem + candidate));
}

function pythonTarget(binding: ImportBinding, importer: string): ImportTarget | undefined {
  const specifier = binding.specifier;
  let dots = 0;
  while (specifier[dots] === '.') dots += 1;
  const modulePath = specifier.slice(dots).split('.').filter(Boolean).join('/');
  const roots = dots > 0 ? relativeRoot(importer, dots) : ancestorsOf(directoryOf(importer), MAX_PYTHON_ROOTS);
  const files: string[] = [];
  for (const root of roots) {
    const base = joinPath(root, modulePath);
    if (base === undefined) continue;
    if (modulePath !== '') files.push(`${base}.py`, `${base}/__init__.py`);
    // `from app.db import orders` may import a module, not a name.
    for (const name of binding.names.slice(0, 10)) files.push(`${base}/${name.imported}.py`);
  }
  if (files.length === 0) return undefined;
  return { files, ...(modulePath === '' ? {} : { searchGlob: `**/${modulePath}{.py,/__init__.py}` }) };
}

/** `from .m import x` in a/b/c.py looks in a/b; `from ..m` in a/. */
function relativeRoot(importer: string, dots: number): string[] {
  const root = ancestorsOf(directoryOf(importer), dots)[dots - 1];
  return root === undefined ? [] : [root];
}

/** A folder and those above it up to the workspace folder, nearest first, at most `max`. */
export function ancestorsOf(directory: string, max: number): string[] {
  const found: string[] = [];
  let current: string | undefined = directory;
  while (current !== undefined && found.length < max) {
    found.push(current);
    current = current === '' ? undefined : directoryOf(current);
  }
  return found;
}

function goTarget(specifier: string, goModule: ResolveContext['goModule']): ImportTarget | undefined {
  if (!goModule || (specifier !== goModule.path && !specifier.startsWith(`${goModule.path}/`))) return undefined;
  const inside = specifier.slice(goModule.path.length + 1);
  const directory = inside === '' ? goModule.directory : joinPath(goModule.directory, inside);
  return directory === undefined ? undefined : { files: [], directory };
}

/** "src/routes/orders.ts" → "src/routes"; "a.ts" → "". */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins folder-relative paths; undefined when ".." would climb out of the workspace folder. */
export function joinPath(base: string, relative: string): string | undefined {
  const segments = base === '' ? [] : base.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join('/');
}
