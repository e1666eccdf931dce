import parseDiffText from 'parse-diff';
import { type ChangeStatus, type DiffFile } from './diffModel';
import { firstHunkHeader, readHunks } from './readHunks';

/**
 * Parses the unified diff that `git diff` prints into plain data, one entry per file. parse-diff reads
 * the lines before the first hunk (the paths on the `diff` line); the hunks are read as it reads them,
 * at a fraction of its cost (readHunks.ts); the file headers (renames, binary markers, quoted paths)
 * are read here, since parse-diff does not report them. Each file's section is parsed on its own, so a
 * malformed section cannot shift the lines of the next one.
 */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  return splitFileSections(diff).flatMap((section) => {
    const file = parseSection(section);
    return file ? [file] : [];
  });
}

/** Sections start at `diff --git` lines; a diff without them (plain `---`/`+++`) is one section. */
function splitFileSections(diff: string): string[] {
  const starts: number[] = [];
  const pattern = /^diff --git /gm;
  for (let match = pattern.exec(diff); match; match = pattern.exec(diff)) starts.push(match.index);
  if (starts.length === 0) return diff.trim() === '' ? [] : [diff];
  return starts.map((start, index) => diff.slice(start, starts[index + 1] ?? diff.length));
}

interface SectionHeader {
  oldPath?: string;
  newPath?: string;
  renameFrom?: string;
  renameTo?: string;
  /** `copy from`/`copy to` (git diff with copies detected): the new file's lines came from the source. */
  copyFrom?: string;
  copyTo?: string;
  created: boolean;
  deleted: boolean;
  binary: boolean;
}

type PathField = 'oldPath' | 'newPath' | 'renameFrom' | 'renameTo' | 'copyFrom' | 'copyTo';

/** The header lines that name a path: their start, the field they set, how the rest of the line is read. */
const PATH_LINES: ReadonlyArray<readonly [string, PathField, (raw: string) => string | undefined]> = [
  ['--- ', 'oldPath', headerPath],
  ['+++ ', 'newPath', headerPath],
  ['rename from ', 'renameFrom', unquoteGitPath],
  ['rename to ', 'renameTo', unquoteGitPath],
  ['copy from ', 'copyFrom', unquoteGitPath],
  ['copy to ', 'copyTo', unquoteGitPath],
];

function readHeader(section: string): SectionHeader {
  const header: SectionHeader = { created: false, deleted: false, binary: false };
  // Only the lines before the first hunk: splitting a whole section would copy every line of it.
  const firstHunk = section.search(/^@@/m);
  for (const line of (firstHunk === -1 ? section : section.slice(0, firstHunk)).split('\n')) {
    const text = line.replace(/\r$/, '');
    const named = PATH_LINES.find(([start]) => text.startsWith(start));
    if (named) header[named[1]] = named[2](text.slice(named[0].length));
    else if (text.startsWith('new file mode ')) header.created = true;
    else if (text.startsWith('deleted file mode ')) header.deleted = true;
    else if (/^Binary files .* differ$/.test(text) || text === 'GIT binary patch') header.binary = true;
  }
  return header;
}

function parseSection(section: string): DiffFile | undefined {
  const header = readHeader(section);
  const firstHunk = firstHunkHeader(section);
  const headerOld = header.renameFrom ?? header.copyFrom ?? header.oldPath;
  const headerNew = header.renameTo ?? header.copyTo ?? header.newPath;
  const parsed = pathsByParseDiff(section, firstHunk, headerOld !== undefined && headerNew !== undefined);
  const oldPath = headerOld ?? cleanParsedPath(parsed?.from);
  const newPath = headerNew ?? cleanParsedPath(parsed?.to);
  const status = statusOf(header, oldPath, newPath);
  const path = status === 'deleted' ? oldPath : newPath;
  if (path === undefined) return undefined;
  const hunks = firstHunk !== -1 && (parsed?.ownsHunks ?? true) ? readHunks(section, firstHunk) : [];
  let added = 0;
  let removed = 0;
  for (const hunk of hunks)
    for (const line of hunk.lines) {
      if (line.kind === 'add') added++;
      else if (line.kind === 'del') removed++;
    }
  return {
    path,
    // A copy's source is kept like a rename's: its lines are in the hunks, so it is checked the same way.
    ...((status === 'renamed' || status === 'copied') && oldPath !== undefined ? { oldPath } : {}),
    status,
    binary: header.binary,
    hunks,
    added,
    removed,
  };
}

interface ParsedStart {
  readonly from?: string;
  readonly to?: string;
  /** parse-diff gives the hunks to the first file it sees only when it sees no other before them. */
  readonly ownsHunks: boolean;
}

/**
 * What parse-diff makes of the lines up to the first hunk header: the paths on the `diff` line, when no
 * header line names them, and whether the hunks are this file's. A section as git writes it, starting
 * at its `diff --git` line, with no other `diff` line before the hunks and both paths named, needs
 * neither, and is left to the header lines alone: parse-diff matches each line against a list of
 * patterns, and was the largest cost of a diff's headers.
 */
function pathsByParseDiff(section: string, firstHunk: number, named: boolean): ParsedStart | undefined {
  const beforeHunks = firstHunk === -1 ? section : section.slice(0, firstHunk);
  if (named && section.startsWith('diff --git ') && !/\ndiff\s/.test(beforeHunks)) return undefined;
  // With the first hunk header, so that parse-diff counts the files before the hunks as it would in the
  // whole section.
  const files = parseDiffText(firstHunk === -1 ? section : section.slice(0, section.indexOf('\n', firstHunk) + 1 || section.length));
  return { from: files[0]?.from, to: files[0]?.to, ownsHunks: files.length === 1 };
}

function statusOf(header: SectionHeader, oldPath: string | undefined, newPath: string | undefined): ChangeStatus {
  if (header.copyFrom !== undefined) return 'copied';
  if (header.created || oldPath === undefined) return 'added';
  if (header.deleted || newPath === undefined) return 'deleted';
  if (header.renameFrom !== undefined || oldPath !== newPath) return 'renamed';
  return 'modified';
}

/** `a/src/x.ts`, `"b/caf\303\251.ts"` or `/dev/null` → the repository-relative path, or undefined. */
function headerPath(raw: string): string | undefined {
  const withoutTimestamp = raw.startsWith('"') ? raw : raw.replace(/\t.*$/, '');
  const path = unquoteGitPath(withoutTimestamp.trim());
  if (path === '/dev/null') return undefined;
  return stripSidePrefix(path);
}

function cleanParsedPath(path: string | undefined): string | undefined {
  return path === undefined || path === '/dev/null' || path === '' ? undefined : path;
}

/** git's default prefixes (`a/`, `b/`) and its mnemonic ones (`i/`, `w/`, `c/`, `o/`). */
function stripSidePrefix(path: string): string {
  return path.replace(/^[abiwco12]\//, '');
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * git writes a path with unusual characters in C-style quotes, non-ASCII bytes as octal escapes
 * (`"caf\303\251.ts"`); this gives the path back as text.
 */
export function unquoteGitPath(raw: string): string {
  if (!(raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"'))) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      const char = String.fromCodePoint(body.codePointAt(i) ?? 0);
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      const next = body[i + 1] ?? '';
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
