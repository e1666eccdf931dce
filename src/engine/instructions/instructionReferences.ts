import * as vscode from 'vscode';
import { instructionKindOf } from '../../core/instructions/instructionFile';

/**
 * VS Code marks the instruction files it attaches to a chat request by the reference id: VS Code 1.139
 * sends `vscode.instructions.file.root__<uri>` (seen in the real runtime); earlier versions sent
 * `vscode.prompt.instructions.root__<uri>` and `vscode.prompt.instructions__<uri>`, and a string reference
 * `vscode.prompt.instructions.text` that lists them for VS Code's own agents.
 */
const INSTRUCTIONS_ID = /^vscode\.(?:prompt\.)?instructions(?:[._]|$)/;

export interface SplitReferences {
  /** Instruction files the chat attached: sent as the team's rules, never as code to review. */
  readonly instructionFiles: readonly vscode.Uri[];
  /** Everything else: the code and text to review. */
  readonly others: readonly vscode.ChatPromptReference[];
  /** The ids of the references taken as instructions, for the debug log. */
  readonly recognisedIds: readonly string[];
}

/**
 * Splits instruction files off a chat request's references: by the id VS Code gives them, or, for a
 * whole file attached some other way, by its path (AGENTS.md, .github/copilot-instructions.md,
 * *.instructions.md in a workspace folder). A selection inside such a file stays an attachment.
 */
export function splitInstructionReferences(references: readonly vscode.ChatPromptReference[]): SplitReferences {
  const instructionFiles: vscode.Uri[] = [];
  const others: vscode.ChatPromptReference[] = [];
  const recognisedIds: string[] = [];
  for (const reference of references) {
    const value: unknown = reference.value;
    const byId = INSTRUCTIONS_ID.test(reference.id);
    const uri = value instanceof vscode.Uri ? value : byId && value instanceof vscode.Location ? value.uri : undefined;
    if (uri !== undefined && (byId || isInstructionPath(uri))) {
      instructionFiles.push(uri);
      recognisedIds.push(reference.id);
    } else if (byId) {
      // VS Code's summary of instruction files is written for its own agents: it is neither code nor a rule.
      recognisedIds.push(reference.id);
    } else others.push(reference);
  }
  return { instructionFiles, others, recognisedIds };
}

function isInstructionPath(uri: vscode.Uri): boolean {
  return (
    vscode.workspace.getWorkspaceFolder(uri) !== undefined && instructionKindOf(vscode.workspace.asRelativePath(uri, false)) !== undefined
  );
}
