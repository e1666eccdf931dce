import * as vscode from 'vscode';
import { chooseInstructions } from '../../core/instructions/selectInstructions';
import { instructionsPart, type InstructionsPart } from '../../core/instructions/instructionsMessage';
import { type InstructionFile } from '../../core/instructions/instructionFile';
import { t } from '../l10n';
import { protectionFor, readSettings } from '../settings';
import { instructionFilesOf, readInstructionFile } from './readInstructionFiles';

export interface InstructionsRequest {
  /** Instruction files the chat attached to the request (see splitInstructionReferences). */
  readonly attachedByChat: readonly vscode.Uri[];
  /** Workspace-relative paths of the request's files, for `applyTo`: attachments, a diff's files, an editor. */
  readonly requestPaths: readonly string[];
}

const NONE: InstructionsPart = { used: [], notes: [], redactions: 0 };

/**
 * The team's instruction files for one request, protected and capped: those the chat attached and
 * those Architect reads itself. Nothing in Restricted Mode (a repository must not steer the review before
 * it is trusted), and nothing where `architect.instructionFiles` is off.
 */
export async function gatherInstructions(request: InstructionsRequest, log: vscode.LogOutputChannel): Promise<InstructionsPart> {
  if (!vscode.workspace.isTrusted) return NONE;
  const wanted = (uri: vscode.Uri) => readSettings(uri).instructionFiles;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => wanted(folder.uri));
  const found = (await Promise.all(folders.map((folder) => instructionFilesOf(folder)))).flat();
  const reads = [
    ...request.attachedByChat.filter(wanted).map((uri) => readInstructionFile(uri, true)),
    ...found.map((uri) => readInstructionFile(uri, false)),
  ];
  const files = (await Promise.all(reads)).filter((file): file is InstructionFile => file !== undefined);
  if (files.length === 0) return NONE;
  const choice = chooseInstructions(files, request.requestPaths);
  const part = await instructionsPart(choice, { ...protectionFor([...request.attachedByChat, ...found]), t });
  log.debug(`instruction files: ${files.length} found, sent ${part.used.length ? part.used.join(', ') : 'none'}`);
  return part;
}
