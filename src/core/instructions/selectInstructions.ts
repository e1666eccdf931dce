import { GLOB_LIMITS } from '../glob/globLimits';
import { type RefusedGlob } from '../glob/globList';
import { applyToVerdict, parseInstructionFile } from './applyTo';
import { compareInstructionFiles, type InstructionFile } from './instructionFile';

/** A file chosen for the request, with the text to send (front matter removed from scoped files). */
export interface ChosenInstruction {
  readonly file: InstructionFile;
  readonly text: string;
}

export interface InstructionChoice {
  readonly chosen: readonly ChosenInstruction[];
  /** Scoped files whose front matter could not be read: left out, and said so. */
  readonly unreadableFrontMatter: readonly string[];
  /** Scoped files some of whose `applyTo` globs were ignored by the glob limits, with how many and the first refused. */
  readonly limitedGlobs: ReadonlyArray<{ readonly label: string; readonly ignored: number; readonly refused: readonly RefusedGlob[] }>;
  /** Scoped files left out because matching their `applyTo` spent a check's whole budget of steps. */
  readonly tooCostly: readonly string[];
  /** Scoped files beyond `GLOB_LIMITS.maxScopedInstructionFiles`, not considered. */
  readonly scopedLeftOut: number;
}

/** The choice while it is made. */
interface ChoiceBuilder {
  chosen: ChosenInstruction[];
  unreadableFrontMatter: string[];
  limitedGlobs: Array<InstructionChoice['limitedGlobs'][number]>;
  tooCostly: string[];
  scopedLeftOut: number;
}

/**
 * Which instruction files apply to a request whose files are `requestPaths` (workspace-relative: the
 * attached files, a diff's files, the design doc's editor). Each file is taken once even when the chat
 * attached it and Architect read it too; the chat's copy wins, as it is what the user saw attached.
 * AGENTS.md and copilot-instructions.md always apply; a scoped file applies when its `applyTo` matches,
 * or when the chat attached it (the chat matched it, or the user picked it).
 */
export function chooseInstructions(files: readonly InstructionFile[], requestPaths: readonly string[]): InstructionChoice {
  const unique = new Map<string, InstructionFile>();
  for (const file of files) {
    const existing = unique.get(file.label);
    if (existing === undefined || (file.attachedByChat && !existing.attachedByChat)) unique.set(file.label, file);
  }
  const choice: ChoiceBuilder = { chosen: [], unreadableFrontMatter: [], limitedGlobs: [], tooCostly: [], scopedLeftOut: 0 };
  let scoped = 0;
  for (const file of [...unique.values()].sort(compareInstructionFiles)) {
    if (file.content.kind !== 'text') choice.chosen.push({ file, text: '' });
    else if (file.kind !== 'scoped') choice.chosen.push({ file, text: file.content.text });
    else if (++scoped > GLOB_LIMITS.maxScopedInstructionFiles && !file.attachedByChat) choice.scopedLeftOut++;
    else considerScoped(file, file.content.text, requestPaths, choice);
  }
  return choice;
}

/** A scoped file is taken when its `applyTo` matches a file of the request, or when the chat attached it. */
function considerScoped(file: InstructionFile, text: string, requestPaths: readonly string[], choice: ChoiceBuilder): void {
  const { applyTo, body } = parseInstructionFile(text);
  if (applyTo.kind === 'globs' && applyTo.ignored)
    choice.limitedGlobs.push({ label: file.label, ignored: applyTo.ignored, refused: applyTo.refused ?? [] });
  if (applyTo.kind === 'invalid' && !file.attachedByChat) {
    choice.unreadableFrontMatter.push(file.label);
    return;
  }
  const verdict = file.attachedByChat ? 'applies' : applyToVerdict(applyTo, requestPaths);
  if (verdict === 'applies') choice.chosen.push({ file, text: body });
  else if (verdict === 'too-costly') choice.tooCostly.push(file.label);
}
