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
 * One instruction file as plain data, or undefined when its bytes may not reach a model.
 *
 * CONTAINMENT GATE: every read of an instruction file passes here. Until the product's shared gate
 * ("may these bytes reach a model", src/vscode/protect) lands, `mayReachModelForNow` stands in for it;
 * replace that one call with the shared gate.
 */
export async function readInstructionFile(uri: vscode.Uri, attachedByChat: boolean): Promise<InstructionFile | undefined> {
  if (!(await mayReachModelForNow(uri))) return undefined;
  const source = await readSource(uri);
  const kind = instructionKindOf(source.matchPath) ?? 'scoped';
  return { label: source.label, matchPath: source.matchPath, kind, content: source.content, attachedByChat };
}

/**
 * The least the shared gate will decide: the file is a plain file inside a workspace folder, not a
 * link that could lead anywhere else (an AGENTS.md that links to ~/.ssh/id_rsa must not be read).
 */
async function mayReachModelForNow(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.getWorkspaceFolder(uri) === undefined) return false;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.SymbolicLink) === 0 && (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
