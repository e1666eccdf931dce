import * as vscode from 'vscode';
import { chooseInstructions } from '../../core/instructions/selectInstructions';
import { instructionsPart, type InstructionsPart } from '../../core/instructions/instructionsMessage';
import { type InstructionFile } from '../../core/instructions/instructionFile';
import { t } from '../l10n';
import { protectionFor, readSettings } from '../settings';
import { instructionFilesOf, readInstructionFile } from './readInstructionFiles';

export const NO_INSTRUCTIONS: InstructionsPart = { used: [], notes: [], redactions: 0 };

/**
 * The team's instruction files that may be sent with a request: those the chat attached (see
 * splitInstructionReferences) and those of every workspace folder. None in Restricted Mode (a repository
 * must not steer the review before it is trusted), none where `architect.instructionFiles` is off. Runs
 * beside the gathering of the code: it needs no request paths yet.
 */
export async function readInstructions(attachedByChat: readonly vscode.Uri[]): Promise<readonly InstructionFile[]> {
  if (!vscode.workspace.isTrusted) return [];
  const wanted = (uri: vscode.Uri) => readSettings(uri).instructionFiles;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => wanted(folder.uri));
  const found = (await Promise.all(folders.map((folder) => instructionFilesOf(folder)))).flat();
  const files = await Promise.all([
    ...attachedByChat.filter(wanted).map((uri) => readInstructionFile(uri, true)),
    ...found.map((uri) => readInstructionFile(uri, false)),
  ]);
  return files.filter((file): file is InstructionFile => file !== undefined);
}

/**
 * Those of the files that apply to a request whose files are `requestPaths` (workspace-relative:
 * attachments, a diff's files, the design doc's editor), protected and capped, as the message to send.
 */
export async function instructionsFor(
  files: readonly InstructionFile[],
  requestPaths: readonly string[],
  log: vscode.LogOutputChannel,
): Promise<InstructionsPart> {
  if (files.length === 0) return NO_INSTRUCTIONS;
  const choice = chooseInstructions(files, requestPaths);
  // Every folder's exclusions and redaction apply, as for content that may come from any of them.
  const part = await instructionsPart(choice, { ...protectionFor([]), t });
  log.debug(`instruction files: ${files.length} found, ${part.used.length} sent (${part.used.join(', ')})`);
  return part;
}
