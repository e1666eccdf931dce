import * as vscode from 'vscode';
import { type InstructionFile } from '../../core/instructions/instructionFile';
import { readSettings } from '../../common/settings';
import { instructionFilesOf, readInstructionFile } from './readInstructionFiles';

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
