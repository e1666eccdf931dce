import { foldCase, type GlobProgram, type Instruction } from './globProgram';
import { GLOB_LIMITS } from './globLimits';
import { OP } from './packProgram';

export interface GlobRun {
  readonly matched: boolean;
  /** Work done: at most 2 × (instructions) × (path length + 1), and never much past the budget. */
  readonly steps: number;
  /** The budget ran out before the answer was known: `matched` is false and means nothing. */
  readonly exhausted: boolean;
}

/** Steps left for one check of a path against a list; every run of the check spends from it. */
export interface StepBudget {
  left: number;
  /** Steps spent so far, compiling included: what tests hold to `MAX_STEPS_PER_CHECK`. */
  spent: number;
}

export function stepBudget(steps: number = GLOB_LIMITS.stepsPerCheck): StepBudget {
  return { left: steps, spent: 0 };
}

/** Runs a compiled glob over a path (see `runFolded`). */
export function runGlob(program: GlobProgram, path: string, budget?: StepBudget): GlobRun {
  return runFolded(program, foldPath(path), budget);
}

/**
 * Runs a compiled glob over a path already folded by `foldPath`, by moving the whole set of live states
 * one character at a time. Per character, a state is added at most once and reads the character at
 * most once, so no input makes the work grow faster than the product of the two lengths; and the run
 * stops as soon as it has spent its budget.
 */
export function runFolded(program: GlobProgram, folded: string, budget: StepBudget = { left: Infinity, spent: 0 }): GlobRun {
  if (budget.left <= 0) return { matched: false, steps: 0, exhausted: true };
  if (!folded.endsWith(program.suffix) || !folded.includes(program.required)) return spend(budget, false, 1, false);
  const { ops, first } = program.packed;
  const automaton = new Automaton(program);
  automaton.follow(0);
  for (let at = 0; at < folded.length && automaton.size > 0; at++) {
    const char = folded.charCodeAt(at);
    automaton.advance();
    for (let index = 0; index < automaton.previousSize; index++) {
      if (automaton.steps >= budget.left) return spend(budget, false, automaton.steps, true);
      const pc = automaton.previous[index] ?? 0;
      automaton.steps++;
      if (consumes(ops[pc] ?? OP.match, first[pc] ?? 0, program.instructions[pc], char)) automaton.follow(pc + 1);
    }
  }
  let matched = false;
  for (let index = 0; index < automaton.size; index++) matched ||= ops[automaton.current[index] ?? 0] === OP.match;
  return spend(budget, matched, automaton.steps, false);
}

function spend(budget: StepBudget, matched: boolean, steps: number, exhausted: boolean): GlobRun {
  budget.left = exhausted ? 0 : budget.left - steps;
  budget.spent += steps;
  return { matched, steps, exhausted };
}

/** The live states before and after the current character, in flat arrays reused for the whole run. */
class Automaton {
  current: Int32Array;
  previous: Int32Array;
  size = 0;
  previousSize = 0;
  steps = 0;
  #generation = 0;
  readonly #seen: Int32Array;
  readonly #pending: Int32Array;
  readonly #program: GlobProgram;

  constructor(program: GlobProgram) {
    this.#program = program;
    const length = program.packed.ops.length;
    this.current = new Int32Array(length);
    this.previous = new Int32Array(length);
    this.#seen = new Int32Array(length).fill(-1);
    this.#pending = new Int32Array(2 * length + 1);
  }

  /** The states after the last character become the ones the next character is read by. */
  advance(): void {
    [this.previous, this.current] = [this.current, this.previous];
    this.previousSize = this.size;
    this.size = 0;
    this.#generation++;
  }

  /** Adds `start` and every state reachable from it without reading a character, counting each visit. */
  follow(start: number): void {
    const { ops, first, second } = this.#program.packed;
    let top = 0;
    this.#pending[top++] = start;
    while (top > 0) {
      const pc = this.#pending[--top] ?? 0;
      if (this.#seen[pc] === this.#generation) continue;
      this.#seen[pc] = this.#generation;
      this.steps++;
      const op = ops[pc];
      if (op === OP.split) {
        this.#pending[top++] = second[pc] ?? 0;
        this.#pending[top++] = first[pc] ?? 0;
      } else if (op === OP.jump) this.#pending[top++] = first[pc] ?? 0;
      else this.current[this.size++] = pc;
    }
  }
}

/** The path in lower case, one UTF-16 unit for one (as `foldCase` folds the glob). */
export function foldPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(path)) return path.toLowerCase();
  let folded = '';
  for (const unit of path.split('')) folded += foldCase(unit);
  return folded;
}

function consumes(op: number, code: number, instruction: Instruction | undefined, char: number): boolean {
  switch (op) {
    case OP.char:
      return code === char;
    case OP.any:
      return true;
    case OP.segment:
      return char !== SLASH;
    case OP.class:
      return (
        char !== SLASH && instruction?.op === 'class' && inClass(instruction.ranges, String.fromCharCode(char)) !== instruction.negated
      );
    default:
      return false;
  }
}

const SLASH = '/'.charCodeAt(0);

function inClass(ranges: ReadonlyArray<readonly [string, string]>, char: string): boolean {
  const upper = char.toUpperCase();
  return ranges.some(([low, high]) => (char >= low && char <= high) || (upper >= low && upper <= high));
}
