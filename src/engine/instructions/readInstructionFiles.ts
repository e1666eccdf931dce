import * as vscode from 'vscode';
import { instructionKindOf, type InstructionFile } from '../../core/instructions/instructionFile';
import { readSource } from '../context/gatherContext';

const SCOPED_FOLDER = ['.github', 'instructions'] as const;
const SCOPED_SUFFIX = '.instructions.md';

/**
 * The instruction files of one workspace folder that exist: AGENTS.md at its root,
 * .github/copilot-instructions.md, and .github/instructions/*.instructions.md. Read through
 * `vscode.workspace.fs`, so remote and virtual workspaces work.
 */
export async function instructionFilesOf(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const scopedFolder = vscode.Uri.joinPath(folder.uri, ...SCOPED_FOLDER);
  const [scoped, ...fixed] = await Promise.all([
    listScoped(scopedFolder),
    existing(vscode.Uri.joinPath(folder.uri, 'AGENTS.md')),
    existing(vscode.Uri.joinPath(folder.uri, '.github', 'copilot-instructions.md')),
  ]);
  return [...fixed.filter((uri) => uri !== undefined), ...scoped];
}

async function listScoped(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(([name, type]) => name.toLowerCase().endsWith(SCOPED_SUFFIX) && (type & vscode.FileType.Directory) === 0)
      .map(([name]) => vscode.Uri.joinPath(folder, name));
  } catch {
    return [];
  }
}

async function existing(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
    return uri;
  } catch {
    return undefined;
  }
}

/**
 * One instruction file as plain data, or undefined when it lies outside the workspace folders (a
 * user-profile file the chat attached: the feature is about the workspace's conventions). The read
 * passes the product's one gate for model-bound bytes as the model's reads do, since nobody picked
 * this file for the request: a link that leads out of the workspace, or an excluded file, comes back
 * refused, with the reason for the answer's notes.
 */
export async function readInstructionFile(uri: vscode.Uri, attachedByChat: boolean): Promise<InstructionFile | undefined> {
  if (vscode.workspace.getWorkspaceFolder(uri) === undefined) return undefined;
  const source = await readSource(uri, { origin: 'model' });
  const kind = instructionKindOf(source.matchPath) ?? 'scoped';
  return { label: source.label, matchPath: source.matchPath, kind, content: source.content, attachedByChat };
}
