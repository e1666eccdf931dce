import { identifierAt, isIdentifierPart, isIdentifierStart, startsWithAny, type CodeFamily } from './codeText';

/** One import statement, as plain data: where from, and which names it binds. */
export interface ImportBinding {
  /** As written: './db/orders', 'app.db.orders', '.models', 'example.com/shop/store'. */
  readonly specifier: string;
  /** Named imports: the name in the imported file, and the name used here. */
  readonly names: ReadonlyArray<{ readonly imported: string; readonly local: string }>;
  /** A name that stands for the whole module (`* as orders`, `import x.y as z`, a Go package). */
  readonly namespace?: string;
  /** `export * from './x'`: every name of that file is this file's too. */
  readonly reexportsAll?: boolean;
}

/** At most this many lines make one import statement (a long `{ … }` list). */
const MAX_STATEMENT_LINES = 60;

/** The import statements of a file. Each line is looked at a bounded number of times: linear. */
export function parseImports(text: string, family: CodeFamily): ImportBinding[] {
  const lines = text.split(/\r?\n|\r/, 20_000);
  switch (family) {
    case 'script':
      return statements(lines, isScriptImportStart, isScriptImportEnd).flatMap(scriptImport);
    case 'python':
      return statements(lines, isPythonImportStart, isPythonImportEnd).flatMap(pythonImport);
    case 'go':
      return goImports(lines);
    case 'braces':
      return [];
  }
}

/** Joins each statement that starts on a line `isStart` accepts until a line `isEnd` accepts. */
function statements(lines: readonly string[], isStart: (line: string) => boolean, isEnd: (statement: string) => boolean): string[] {
  const found: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const first = (lines[index] ?? '').trim();
    if (first.length > 2000 || !isStart(first)) continue;
    let statement = first;
    let taken = 1;
    while (!isEnd(statement) && taken < MAX_STATEMENT_LINES && index + 1 < lines.length) {
      index += 1;
      taken += 1;
      statement += ' ' + (lines[index] ?? '').trim().slice(0, 2000);
    }
    found.push(statement);
  }
  return found;
}

function isScriptImportStart(line: string): boolean {
  return (
    startsWithAny(line, ['import ', 'import{']) ||
    (line.startsWith('export ') && (line.includes(' from ') || line.includes('{') || line.includes('*'))) ||
    (line.includes('require(') && /^(?:const|let|var) /.test(line)) ||
    requiredAs(line) !== undefined
  );
}

/**
 * A module re-exported by name in CommonJS: `tokenService: require('./tokenService'),` inside
 * `module.exports = { … }`, or `exports.tokenService = require('./tokenService')`. Read word by word.
 */
function requiredAs(line: string): string | undefined {
  let index = 0;
  if (line.startsWith('module.exports.')) index = 15;
  else if (line.startsWith('exports.')) index = 8;
  const name = identifierAt(line, index);
  if (name === '') return undefined;
  let after = index + name.length;
  while (line[after] === ' ') after += 1;
  if (line[after] !== (index > 0 ? '=' : ':')) return undefined;
  after += 1;
  while (line[after] === ' ') after += 1;
  return line.startsWith('require(', after) ? name : undefined;
}

function isScriptImportEnd(statement: string): boolean {
  return quotedAfter(statement, 0) !== undefined && (!statement.includes('{') || statement.includes('}'));
}

/** The first quoted string at or after `from`, unquoted. */
function quotedAfter(text: string, from: number): string | undefined {
  for (let index = from; index < text.length; index += 1) {
    const quote = text[index];
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    const close = text.indexOf(quote, index + 1);
    return close < 0 ? undefined : text.slice(index + 1, close);
  }
  return undefined;
}

function scriptImport(statement: string): ImportBinding[] {
  const specifier = quotedAfter(statement, Math.max(0, statement.indexOf(' from ')));
  if (specifier === undefined) return [];
  const braceOpen = statement.indexOf('{');
  const braceClose = statement.indexOf('}', braceOpen + 1);
  const names =
    braceOpen >= 0 && braceClose > braceOpen ? namedList(statement.slice(braceOpen + 1, braceClose).replaceAll(':', ' as ')) : [];
  const star = statement.indexOf('* as ');
  const namespace = star >= 0 ? identifierAt(statement, star + 5) : (defaultName(statement) ?? requiredAs(statement));
  const reexportsAll = statement.startsWith('export *') && star < 0;
  return [{ specifier, names, ...(namespace ? { namespace } : {}), ...(reexportsAll ? { reexportsAll } : {}) }];
}

/** `import orders from './x'`, `const orders = require('./x')`: the default binding's name. */
function defaultName(statement: string): string | undefined {
  const [first, second, third] = statement.split(/\s+/, 3);
  if (first === 'import' && second && isIdentifierStart(second[0]) && second !== 'type') return identifierAt(second, 0);
  if ((first === 'const' || first === 'let' || first === 'var') && second && third === '=' && isIdentifierStart(second[0]))
    return identifierAt(second, 0);
  return undefined;
}

/**
 * The modules a Python `from` import may bring by name: `from app import crud` binds the module
 * `app.crud` as `crud` (then used as `crud.get_items`), `from . import deps` binds `.deps`. Which of the
 * names are modules and which are functions only the files can tell: the caller tries them.
 */
export function submoduleBindings(binding: ImportBinding, family: CodeFamily): ImportBinding[] {
  if (family !== 'python' || binding.namespace !== undefined || binding.reexportsAll) return [];
  const joiner = binding.specifier.endsWith('.') ? '' : '.';
  return binding.names
    .slice(0, 20)
    .map((pair) => ({ specifier: `${binding.specifier}${joiner}${pair.imported}`, names: [], namespace: pair.local }));
}

/** "a, b as c, type d" → pairs of the imported name and the local one. */
function namedList(list: string): Array<{ imported: string; local: string }> {
  return (
    list
      .split(',')
      .map((part) => part.trim().replace(/^type\s+/, ''))
      // A part that starts like an identifier has one as its first word: the imported name is never empty.
      .filter((part) => isIdentifierStart(part[0]))
      .slice(0, 200)
      .map((part) => {
        const [imported, local] = splitAlias(part);
        const name = identifierAt(imported, 0);
        return { imported: name, local: local !== undefined ? identifierAt(local, 0) || name : name };
      })
  );
}

function isPythonImportStart(line: string): boolean {
  return startsWithAny(line, ['from ', 'import ']);
}

function isPythonImportEnd(statement: string): boolean {
  return !statement.includes('(') || statement.includes(')');
}

function pythonImport(statement: string): ImportBinding[] {
  const clean = statement.replace(/[()\\]/g, ' ');
  if (clean.startsWith('from ')) {
    const importAt = clean.indexOf(' import ');
    if (importAt < 0) return [];
    const specifier = clean.slice(5, importAt).trim();
    const list = clean.slice(importAt + 8).split('#', 1)[0] ?? '';
    if (list.trim() === '*') return [{ specifier, names: [], reexportsAll: true }];
    return [{ specifier, names: namedList(list) }];
  }
  // import a.b, c.d as e
  return clean
    .slice(7)
    .split(',')
    .slice(0, 50)
    .map(splitAlias)
    .filter(([module]) => module !== '')
    .map(([module, alias]) => ({ specifier: module, names: [], namespace: alias ?? module.slice(module.lastIndexOf('.') + 1) }));
}

/** "a as b" → ["a", "b"], "a" → ["a"]; split on single words, never with a pattern that could backtrack. */
function splitAlias(part: string): [string, string?] {
  const [name = '', as, alias] = part.trim().split(/\s+/, 3);
  return as === 'as' && alias ? [name, alias] : [name];
}

function goImports(lines: readonly string[]): ImportBinding[] {
  const found: ImportBinding[] = [];
  let inBlock = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 2000) continue;
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else found.push(...goImportSpec(line));
      continue;
    }
    if (line.startsWith('import (')) inBlock = true;
    else if (line.startsWith('import ')) found.push(...goImportSpec(line.slice(7).trim()));
    else if (startsWithAny(line, ['func ', 'type '])) break; // imports come first in Go
  }
  return found;
}

/** `"example.com/shop/store"` or `alias "example.com/shop/store"`. */
function goImportSpec(line: string): ImportBinding[] {
  const specifier = quotedAfter(line, 0);
  if (specifier === undefined || specifier === '') return [];
  const alias = isIdentifierStart(line[0]) ? identifierAt(line, 0) : undefined;
  const lastSegment = specifier.slice(specifier.lastIndexOf('/') + 1);
  let end = 0;
  while (isIdentifierPart(lastSegment[end])) end += 1;
  const namespace = alias ?? lastSegment.slice(0, end);
  return [{ specifier, names: [], ...(namespace ? { namespace } : {}) }];
}

/** The module path a go.mod declares (`module example.com/shop`). */
export function goModulePath(goMod: string): string | undefined {
  for (const raw of goMod.split('\n', 200)) {
    const line = raw.trim();
    if (line.startsWith('module ')) return line.slice(7).trim().replace(/^"|"$/g, '') || undefined;
  }
  return undefined;
}
