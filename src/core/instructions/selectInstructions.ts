import { appliesTo, parseInstructionFile } from './applyTo';
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
  /** Scoped files some of whose `applyTo` globs were ignored by the glob limits, with how many. */
  readonly limitedGlobs: ReadonlyArray<{ readonly label: string; readonly ignored: number }>;
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
  const chosen: ChosenInstruction[] = [];
  const unreadableFrontMatter: string[] = [];
  const limitedGlobs: Array<{ label: string; ignored: number }> = [];
  for (const file of [...unique.values()].sort(compareInstructionFiles)) {
    if (file.content.kind !== 'text') {
      chosen.push({ file, text: '' });
      continue;
    }
    if (file.kind !== 'scoped') {
      chosen.push({ file, text: file.content.text });
      continue;
    }
    const parsed = parseInstructionFile(file.content.text);
    const ignored = parsed.applyTo.kind === 'globs' ? (parsed.applyTo.ignored ?? 0) : 0;
    if (ignored > 0) limitedGlobs.push({ label: file.label, ignored });
    if (parsed.applyTo.kind === 'invalid' && !file.attachedByChat) unreadableFrontMatter.push(file.label);
    else if (file.attachedByChat || appliesTo(parsed.applyTo, requestPaths)) chosen.push({ file, text: parsed.body });
  }
  return { chosen, unreadableFrontMatter, limitedGlobs };
}
