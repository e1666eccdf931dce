import { type Instruction } from './globProgram';

/** Operation codes of a packed program, one byte each. */
export const OP = { char: 0, segment: 1, any: 2, class: 3, split: 4, jump: 5, match: 6 } as const;

/**
 * A program as flat typed arrays, which the runner reads much faster than objects: `ops[pc]`, and in
 * `first[pc]` the character code (`char`), the next state (`split`) or the target (`jump`); in
 * `second[pc]` a split's alternative. Classes keep their ranges in the instruction itself.
 */
export interface PackedProgram {
  readonly ops: Uint8Array;
  readonly first: Int32Array;
  readonly second: Int32Array;
}

export function packProgram(instructions: readonly Instruction[]): PackedProgram {
  const ops = new Uint8Array(instructions.length);
  const first = new Int32Array(instructions.length);
  const second = new Int32Array(instructions.length);
  instructions.forEach((instruction, pc) => {
    ops[pc] = OP[instruction.op];
    if (instruction.op === 'char') first[pc] = instruction.char.charCodeAt(0);
    else if (instruction.op === 'jump') first[pc] = instruction.target;
    else if (instruction.op === 'split') {
      first[pc] = instruction.next;
      second[pc] = instruction.alternative;
    }
  });
  return { ops, first, second };
}
