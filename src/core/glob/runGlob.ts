import { foldCase, type GlobProgram, type Instruction } from './globProgram';

export interface GlobRun {
  readonly matched: boolean;
  /** Work done: at most 2 × (instructions) × (path length + 1), the bound tests check. */
  readonly steps: number;
}

/**
 * Runs a compiled glob over a path by moving the whole set of live states one character at a time.
 * Per character, a state is added at most once and reads the character at most once, so no input makes
 * the work grow faster than the product of the two lengths.
 */
export function runGlob(program: GlobProgram, path: string): GlobRun {
  const folded = foldPath(path);
  if (!folded.endsWith(program.suffix) || !folded.includes(program.required)) return { matched: false, steps: 1 };
  const code = program.instructions;
  const seen = new Int32Array(code.length).fill(-1);
  let current: number[] = [];
  let steps = follow(code, 0, current, seen, 0);
  for (let at = 0; at < folded.length && current.length > 0; at++) {
    const char = folded[at] ?? '';
    const next: number[] = [];
    for (const pc of current) {
      steps++;
      if (consumes(code[pc], char)) steps += follow(code, pc + 1, next, seen, at + 1);
    }
    current = next;
  }
  return { matched: current.some((pc) => code[pc]?.op === 'match'), steps };
}

/** The path in lower case, one UTF-16 unit for one (as `foldCase` folds the glob). */
function foldPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(path)) return path.toLowerCase();
  let folded = '';
  for (const unit of path.split('')) folded += foldCase(unit);
  return folded;
}

/** Adds `start` and every state reachable from it without reading a character; returns the states visited. */
function follow(code: readonly Instruction[], start: number, into: number[], seen: Int32Array, generation: number): number {
  const pending = [start];
  let visited = 0;
  while (pending.length > 0) {
    const pc = pending.pop() ?? 0;
    if (seen[pc] === generation) continue;
    seen[pc] = generation;
    visited++;
    const instruction = code[pc];
    if (instruction?.op === 'split') pending.push(instruction.alternative, instruction.next);
    else if (instruction?.op === 'jump') pending.push(instruction.target);
    else into.push(pc);
  }
  return visited;
}

function consumes(instruction: Instruction | undefined, char: string): boolean {
  switch (instruction?.op) {
    case 'char':
      return instruction.char === char;
    case 'any':
      return true;
    case 'segment':
      return char !== '/';
    case 'class':
      return char !== '/' && inClass(instruction.ranges, char) !== instruction.negated;
    default:
      return false;
  }
}

function inClass(ranges: ReadonlyArray<readonly [string, string]>, char: string): boolean {
  const upper = char.toUpperCase();
  return ranges.some(([low, high]) => (char >= low && char <= high) || (upper >= low && upper <= high));
}
