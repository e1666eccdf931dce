import { packProgram, type PackedProgram } from './packProgram';

/**
 * A glob compiled to a small program for a Thompson-style automaton, run by keeping the set of states
 * alive after each character of the path (never by backtracking). The cost of a match is at most
 * (number of instructions) × (path length + 1) steps, whatever the glob: `*?*?*?*?#` or a nest of braces
 * cannot make it explode, because each state is visited at most once per character (decision
 * "bounded globs" in docs/decisions).
 *
 * The dialect is VS Code's: `*` and `?` within a path segment, `**` across segments, `{a,b}` groups
 * (nestable), `[abc]`, `[a-z]`, `[!a]`/`[^a]` classes, `\` to escape. There are no extglobs. Case is
 * ignored and every character of the path is ordinary, line breaks included: `*` matches `\n` and
 * U+2028 as it matches `x`, so a folder name with a line break cannot hide a file from a pattern.
 * Dot files are matched like any other name.
 */
export type Instruction =
  | { readonly op: 'char'; readonly char: string }
  | { readonly op: 'segment' }
  | { readonly op: 'any' }
  | { readonly op: 'class'; readonly ranges: ReadonlyArray<readonly [string, string]>; readonly negated: boolean }
  | { op: 'split'; next: number; alternative: number }
  | { op: 'jump'; target: number }
  | { readonly op: 'match' };

export interface GlobProgram {
  readonly glob: string;
  readonly instructions: readonly Instruction[];
  /** Literal text every matching path holds (case-folded): a path without it is refused at once. */
  readonly required: string;
  /** Literal text every matching path ends with (case-folded), or ''. */
  readonly suffix: string;
  /** The instructions as typed arrays, for the runner. */
  readonly packed: PackedProgram;
}

/** One UTF-16 unit in lower case, when lower case is one unit too (İ is left as it is). */
export function foldCase(char: string): string {
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'segment' | 'star' | 'anyStar' | 'globstarSlash' | 'slashGlobstar' | 'open' | 'comma' | 'close' }
  | { readonly kind: 'class'; readonly ranges: ReadonlyArray<readonly [string, string]>; readonly negated: boolean };

/** Compiles a glob; the caller refuses it first if it breaks a limit (see `globRefusal.ts`). */
export function compileGlob(glob: string): GlobProgram {
  const tokens = tokenize(glob);
  const instructions: Instruction[] = [];
  emitSequence(tokens, 0, instructions);
  instructions.push({ op: 'match' });
  return { glob, instructions, ...literalsOf(tokens), packed: packProgram(instructions) };
}

/**
 * The runs of plain characters outside any group: each must appear in a matching path, and a run at the
 * very end must end it. Checking the longest run and the end first spares the automaton nearly every
 * path that cannot match, such as every path not ending in `.pem` for the pattern of PEM files.
 */
function literalsOf(tokens: readonly Token[]): { required: string; suffix: string } {
  let required = '';
  let run = '';
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'open') depth++;
    else if (token.kind === 'close') depth--;
    if (depth === 0 && token.kind === 'char') run += token.char;
    else run = '';
    if (run.length > required.length) required = run;
  }
  return { required, suffix: run };
}

const ALTERNATIVE_END = new Set([undefined, '}', ',']);

function tokenize(glob: string): Token[] {
  const braces = matchedBraces(glob);
  const tokens: Token[] = [];
  let depth = 0;
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] ?? '';
    if (char === '\\' && at + 1 < glob.length) tokens.push({ kind: 'char', char: foldCase(glob[++at] ?? '') });
    else if (char === '*') at = starToken(glob, at, tokens, depth) - 1;
    else if (char === '/' && glob.startsWith('**', at + 1) && ALTERNATIVE_END.has(endAfter(glob, at + 3, depth))) {
      tokens.push({ kind: 'slashGlobstar' });
      at += 2;
    } else if (char === '?') tokens.push({ kind: 'segment' });
    else if (char === '[') at = classToken(glob, at, tokens);
    else if (char === '{' && braces.has(at)) {
      depth++;
      tokens.push({ kind: 'open' });
    } else if (char === '}' && depth > 0 && braces.has(at)) {
      depth--;
      tokens.push({ kind: 'close' });
    } else if (char === ',' && depth > 0) tokens.push({ kind: 'comma' });
    else tokens.push({ kind: 'char', char: foldCase(char) });
  }
  return tokens;
}

/** The character that ends an alternative at `at`, or undefined at the end of the glob. */
function endAfter(glob: string, at: number, depth: number): string | undefined {
  const char = glob[at];
  if (char === undefined) return undefined;
  return depth > 0 && (char === '}' || char === ',') ? char : char === '/' ? '/' : 'other';
}

/** Exactly `**` as a whole segment crosses folders; any other run of stars is one `*`. Returns the index after the run. */
function starToken(glob: string, at: number, tokens: Token[], depth: number): number {
  let end = at;
  while (glob[end] === '*') end++;
  const before = at === 0 ? undefined : glob[at - 1];
  const startsSegment = before === undefined || before === '/' || (depth > 0 && (before === '{' || before === ','));
  const after = endAfter(glob, end, depth);
  if (end - at !== 2 || !startsSegment || after === 'other') tokens.push({ kind: 'star' });
  else if (after === '/') {
    tokens.push({ kind: 'globstarSlash' });
    return end + 1;
  } else tokens.push({ kind: 'anyStar' });
  return end;
}

/** `[...]`: returns the index of its closing `]`; a `[` that is never closed is an ordinary character. */
function classToken(glob: string, open: number, tokens: Token[]): number {
  let at = open + 1;
  const negated = glob[at] === '!' || glob[at] === '^';
  if (negated) at++;
  const ranges: Array<readonly [string, string]> = [];
  for (let first = true; at < glob.length; first = false) {
    let char = glob[at] ?? '';
    if (char === ']' && !first) {
      tokens.push({ kind: 'class', ranges, negated });
      return at;
    }
    if (char === '\\' && at + 1 < glob.length) char = glob[++at] ?? '';
    if (glob[at + 1] === '-' && at + 2 < glob.length && glob[at + 2] !== ']') {
      ranges.push([char, glob[at + 2] ?? '']);
      at += 3;
    } else {
      ranges.push([char, char]);
      at++;
    }
  }
  tokens.push({ kind: 'char', char: '[' });
  return open;
}

/** Offsets of the braces that pair up; any other brace is an ordinary character. */
function matchedBraces(glob: string): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at];
    if (char === '\\') at++;
    else if (char === '{') open.push(at);
    else if (char === '}' && open.length > 0) {
      paired.add(open.pop() ?? 0);
      paired.add(at);
    }
  }
  return paired;
}

/** Emits tokens from `at` until the end or the `,`/`}` that ends this alternative; returns that index. */
function emitSequence(tokens: readonly Token[], at: number, out: Instruction[]): number {
  while (at < tokens.length) {
    const token = tokens[at];
    if (token === undefined || token.kind === 'comma' || token.kind === 'close') return at;
    if (token.kind === 'open') at = emitGroup(tokens, at + 1, out);
    else {
      emitToken(token, out);
      at++;
    }
  }
  return at;
}

function emitGroup(tokens: readonly Token[], at: number, out: Instruction[]): number {
  const jumpsToEnd: Array<{ op: 'jump'; target: number }> = [];
  for (;;) {
    const split: Instruction = { op: 'split', next: out.length + 1, alternative: -1 };
    out.push(split);
    at = emitSequence(tokens, at, out);
    const jump = { op: 'jump' as const, target: -1 };
    jumpsToEnd.push(jump);
    out.push(jump);
    split.alternative = out.length;
    if (tokens[at]?.kind !== 'comma') break;
    at++;
  }
  // The last split's alternative is the way out of the group: nothing matched there. It is made dead.
  out.push({ op: 'class', ranges: [], negated: false });
  for (const jump of jumpsToEnd) jump.target = out.length;
  return at + 1;
}

function emitLoop(step: 'segment' | 'any', out: Instruction[]): void {
  const split: Instruction = { op: 'split', next: out.length + 1, alternative: -1 };
  out.push(split, { op: step }, { op: 'jump', target: out.length });
  split.alternative = out.length;
}

function emitOptional(body: (out: Instruction[]) => void, out: Instruction[]): void {
  const split: Instruction = { op: 'split', next: out.length + 1, alternative: -1 };
  out.push(split);
  body(out);
  split.alternative = out.length;
}

function emitToken(token: Token, out: Instruction[]): void {
  switch (token.kind) {
    case 'char':
      out.push({ op: 'char', char: token.char });
      return;
    case 'class':
      out.push({ op: 'class', ranges: token.ranges, negated: token.negated });
      return;
    case 'segment':
      out.push({ op: 'segment' });
      return;
    case 'star':
      emitLoop('segment', out);
      return;
    case 'anyStar':
      emitLoop('any', out);
      return;
    case 'globstarSlash':
      // `**/`: no folder, or any folders each ending with a slash.
      emitOptional((body) => {
        emitLoop('any', body);
        body.push({ op: 'char', char: '/' });
      }, out);
      return;
    default:
      // `/**` at the end: the folder itself, or anything below it.
      emitOptional((body) => {
        body.push({ op: 'char', char: '/' });
        emitLoop('any', body);
      }, out);
  }
}
