import { type LineRange } from '../findings/shownLines';
import {
  identifierAt,
  indentOf,
  isIdentifierPart,
  isIdentifierStart,
  maskedLines,
  qualifierBefore,
  startsWithAny,
  type CodeFamily,
} from './codeText';
import { declarationAt, declarationExtent } from './declarations';
import { type ImportBinding, parseImports } from './imports';
import { directoryOf, importTarget, type ResolveContext } from './resolveImport';

/**
 * Callers found by text, for when no language server answers: a file that imports the reviewed module
 * (or, in Go, shares or imports its package) and names one of the functions the reviewed lines declare.
 * What a reviewer opens is the line that calls or registers it (`router.post('/orders', createOrder)`),
 * so a caller is a short window around that line, never the whole function that holds it.
 */

/** What the reviewed lines declare that other files may call. */
export interface ReviewedDeclarations {
  /** The reviewed file, relative to its workspace folder. */
  readonly path: string;
  readonly family: CodeFamily;
  /** Functions and handlers declared on the reviewed lines. */
  readonly names: readonly string[];
  /** Of those, the ones called on a value (`orders.DeleteOrder` on a Go receiver, `service.cancel` on a class instance). */
  readonly methods: ReadonlySet<string>;
}

/** One use of a reviewed name in another file: the name and its 1-based line. */
export interface CallSite {
  readonly name: string;
  readonly line: number;
}

/** Names declared on the reviewed lines, at most this many, are searched for. */
export const MAX_CALLER_NAMES = 5;
/** Uses kept per file searched. */
export const MAX_SITES_PER_FILE = 5;
/** A caller's window: a line above the use, and the statement it is in up to this many lines. */
const CALLER_LINES_BELOW = 6;

const CALLABLE_KEYWORDS = new Set('function def func method const let var class'.split(' '));

/**
 * The functions, methods and handlers whose declaration line is among the reviewed lines. A method of a
 * class (indented in a C-like file, or a Go function with a receiver) is called on a value, by any name.
 */
export function reviewedDeclarations(text: string, family: CodeFamily, ranges: readonly LineRange[], path: string): ReviewedDeclarations {
  const lines = maskedLines(text, family);
  const names: string[] = [];
  const methods = new Set<string>();
  for (const range of ranges) {
    const last = Math.min(lines.length, range.endLine);
    for (let line = Math.max(1, range.startLine); line <= last && names.length < MAX_CALLER_NAMES; line += 1) {
      const masked = lines[line - 1] ?? '';
      const declaration = declarationAt(masked, family);
      if (!declaration || !CALLABLE_KEYWORDS.has(declaration.keyword) || names.includes(declaration.name)) continue;
      if (family !== 'python' && declaration.keyword !== 'method' && indentOf(masked) > 0) continue; // a local
      names.push(declaration.name);
      if (declaration.keyword === 'method' || (family === 'python' && indentOf(masked) > 0)) methods.add(declaration.name);
    }
  }
  return { path, family, names, methods };
}

/** How one file refers to the reviewed names: alone, after a module's name, or after any value (methods). */
interface References {
  /** Local name → the reviewed name it stands for (`import { createOrder as create }`). */
  readonly bare: Map<string, string>;
  /** A module's local name (`userController`, `handlers`, `crud`) → reviewed names reached through it. */
  readonly qualified: Map<string, ReadonlySet<string>>;
  /** Reviewed names called on any value: methods, once the file reaches the module. */
  readonly onAnyValue: ReadonlySet<string>;
}

/**
 * Where `file` uses the reviewed names, at most `MAX_SITES_PER_FILE`; none when it does not import the
 * reviewed module. `context.importer` is `file`'s own folder-relative path. Linear in the file.
 */
export function callSites(
  file: { readonly path: string; readonly text: string },
  reviewed: ReviewedDeclarations,
  context: ResolveContext,
): CallSite[] {
  if (file.path === reviewed.path || reviewed.names.length === 0) return [];
  const references = referencesIn(file.text, reviewed, context);
  if (!references) return [];
  const lines = maskedLines(file.text, reviewed.family);
  const sites: CallSite[] = [];
  let inImport = false;
  for (let index = 0; index < lines.length && sites.length < MAX_SITES_PER_FILE; index += 1) {
    const line = lines[index] ?? '';
    const importLine: boolean = inImport || isImportLine(line, reviewed.family);
    inImport = importLine && continuesImport(line, reviewed.family);
    if (importLine) continue;
    const name = referenceOn(line, references, reviewed.family);
    if (name !== undefined) sites.push({ name, line: index + 1 });
  }
  return sites;
}

function referencesIn(text: string, reviewed: ReviewedDeclarations, context: ResolveContext): References | undefined {
  const names = new Set(reviewed.names);
  const methods = new Set([...reviewed.methods].filter((name) => names.has(name)));
  const bare = new Map<string, string>();
  const qualified = new Map<string, ReadonlySet<string>>();
  const family = reviewed.family;
  if (family === 'go' && directoryOf(context.importer) === directoryOf(reviewed.path)) {
    // The same package: its functions need no import.
    for (const name of names) if (!methods.has(name)) bare.set(name, name);
    return { bare, qualified, onAnyValue: methods };
  }
  let reached = false;
  for (const binding of parseImports(text, family).slice(0, 100)) {
    const way = bindingReaches(binding, reviewed, context);
    if (way === undefined) continue;
    reached = true;
    if (way === 'module') {
      for (const pair of binding.names) if (names.has(pair.imported)) bare.set(pair.local, pair.imported);
      if (binding.namespace !== undefined) qualified.set(binding.namespace, names);
    } else qualified.set(way.namespace, names); // `from app.api.routes import items`: items.read_items
  }
  return reached ? { bare, qualified, onAnyValue: methods } : undefined;
}

/** Whether an import leads to the reviewed file: the module itself, or (Python) a module named in a `from … import`. */
function bindingReaches(
  binding: ImportBinding,
  reviewed: ReviewedDeclarations,
  context: ResolveContext,
): 'module' | { namespace: string } | undefined {
  const target = importTarget(binding, reviewed.family, context);
  if (!target) return undefined;
  if (target.directory !== undefined) return target.directory === directoryOf(reviewed.path) ? 'module' : undefined;
  if (!target.files.includes(reviewed.path)) return undefined;
  const asModule = reviewed.family === 'python' ? binding.names.find((pair) => reviewed.path.endsWith(`/${pair.imported}.py`)) : undefined;
  return asModule ? { namespace: asModule.local } : 'module';
}

/** The reviewed name a line uses, if any: alone (not declared there), after its module's name, or a method after any value. */
function referenceOn(line: string, references: References, family: CodeFamily): string | undefined {
  const declared = declarationAt(line, family)?.name;
  for (let index = 0; index < line.length; index += 1) {
    if (!isIdentifierStart(line[index]) || isIdentifierPart(line[index - 1])) continue;
    const word = identifierAt(line, index);
    const qualifier = qualifierBefore(line, index);
    if (qualifier === undefined) {
      const name = references.bare.get(word);
      if (name !== undefined && word !== declared) return name;
    } else if (references.qualified.get(qualifier)?.has(word) || (qualifier !== '' && references.onAnyValue.has(word))) return word;
    index += word.length - 1;
  }
  return undefined;
}

function isImportLine(line: string, family: CodeFamily): boolean {
  const text = line.trimStart();
  if (family === 'python') return startsWithAny(text, ['from ', 'import ']);
  if (family === 'go') return false; // Go imports are quoted paths, masked already
  return startsWithAny(text, ['import ', 'import{', 'export {', 'export *']) || text.includes('require(');
}

/** Whether an import statement goes on past this line (an open brace or parenthesis list). */
function continuesImport(line: string, family: CodeFamily): boolean {
  if (family === 'python') return line.includes('(') && !line.includes(')');
  return line.includes('{') && !line.includes('}');
}

/** The lines sent for a caller: the line above the use, the use, and the rest of its statement (bounded). */
export function callerWindow(lines: readonly string[], line: number, family: CodeFamily): LineRange {
  const above = line > 1 && (lines[line - 2] ?? '').trim() !== '' ? line - 1 : line;
  const statement = declarationExtent(lines, line, family, CALLER_LINES_BELOW + 1);
  return { startLine: above, endLine: Math.max(line, statement.endLine) };
}

/** File globs of the files that may call code of a family (relative to the folder searched). */
export const CALLER_GLOBS: Readonly<Record<CodeFamily, string | undefined>> = {
  script: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
  python: '**/*.py',
  go: '**/*.go',
  braces: undefined,
};

const TEST_FOLDERS = ['test', 'tests', '__tests__', 'spec'];
const TEST_MARKS = ['.test.', '.spec.'];

/** Test files call everything; a registration or a real caller is what a reviewer looks for first. */
function isTestPath(path: string): boolean {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  return (
    segments.some((segment) => TEST_FOLDERS.includes(segment)) ||
    TEST_MARKS.some((mark) => name.includes(mark)) ||
    name.endsWith('_test.go') ||
    (name.startsWith('test_') && name.endsWith('.py'))
  );
}

/**
 * The files to search for callers, nearest the reviewed file first (fewest folders to walk from one
 * to the other, then shallowest), test files last, at most `limit`. Declaration files (`.d.ts`) are
 * never callers.
 */
export function callerSearchOrder(paths: readonly string[], reviewed: string, limit: number): string[] {
  const reviewedSegments = reviewed.split('/').slice(0, -1);
  const score = (path: string) => {
    const segments = path.split('/').slice(0, -1);
    let common = 0;
    // Past the end of the reviewed path's folders, its segment is undefined: no segment equals it.
    while (common < segments.length && segments[common] === reviewedSegments[common]) common += 1;
    const walk = reviewedSegments.length - common + (segments.length - common);
    return { path, walk, depth: segments.length, test: isTestPath(path) };
  };
  return paths
    .filter((path) => path !== reviewed && !path.endsWith('.d.ts'))
    .map(score)
    .sort((a, b) => Number(a.test) - Number(b.test) || a.walk - b.walk || a.depth - b.depth || a.path.localeCompare(b.path))
    .slice(0, limit)
    .map((entry) => entry.path);
}
