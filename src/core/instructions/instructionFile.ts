import { type SourceContent } from '../context/attachment';
import { baseName, normalizeRelativePath } from '../text';

/** The three kinds of files teams write for AI assistants, in the order they are sent. */
export type InstructionKind = 'agents' | 'copilot' | 'scoped';

/** One instruction file as plain data, whether the chat attached it or Architect read it. */
export interface InstructionFile {
  /** The workspace-relative path people read, recorded in the result; also what makes a file unique. */
  readonly label: string;
  /** The path relative to its workspace folder, matched against `architect.exclude`. */
  readonly matchPath: string;
  readonly kind: InstructionKind;
  readonly content: SourceContent;
  /** The chat attached it: the chat (or the user) already chose it for this request. */
  readonly attachedByChat: boolean;
}

/**
 * What kind of instruction file a path (relative to its workspace folder) names, if any: the path is
 * how a file is recognised when the chat gives no better sign.
 */
export function instructionKindOf(relativePath: string): InstructionKind | undefined {
  const path = normalizeRelativePath(relativePath).toLowerCase();
  if (baseName(path) === 'agents.md') return 'agents';
  if (path === '.github/copilot-instructions.md') return 'copilot';
  if (path.endsWith('.instructions.md')) return 'scoped';
  return undefined;
}

const RANK: Record<InstructionKind, number> = { agents: 0, copilot: 1, scoped: 2 };

/** AGENTS.md first, then copilot-instructions.md, then the scoped files; by path within a kind. */
export function compareInstructionFiles(a: InstructionFile, b: InstructionFile): number {
  const byKind = RANK[a.kind] - RANK[b.kind];
  if (byKind !== 0) return byKind;
  // A root AGENTS.md before nested ones; otherwise plain path order, the same on every machine.
  const depth = a.label.split('/').length - b.label.split('/').length;
  if (a.kind === 'agents' && depth !== 0) return depth;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
