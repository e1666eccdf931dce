import { type AttachedSource } from '../context/attachment';
import { type InstructionFile } from './instructionFile';
import { instructionsPart, type InstructionsPart, type InstructionsProtection } from './instructionsMessage';
import { chooseInstructions } from './selectInstructions';

/**
 * The instruction files that apply to a request, protected and capped. `applyTo` is matched against
 * the request's files (attachments, a diff's files, an editor), excluded ones included: their path says
 * what the request is about even when their content stays home.
 */
export function instructionsForRequest(
  files: readonly InstructionFile[],
  requestPaths: readonly string[],
  protection: InstructionsProtection,
): Promise<InstructionsPart> {
  if (files.length === 0) return Promise.resolve({ used: [], notes: [], redactions: 0 });
  return instructionsPart(chooseInstructions(files, requestPaths), protection);
}

/** The workspace-relative paths of attached files, for `applyTo`. */
export function attachedPaths(sources: readonly AttachedSource[]): string[] {
  return sources.flatMap((source) => (source.uri === undefined || source.matchPath === '' ? [] : [source.matchPath]));
}
