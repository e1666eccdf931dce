/** The read-only workspace tools the architect may call, as registered and as the model calls them. */
export const TOOL_NAMES = {
  findFiles: 'architect_findFiles',
  readFile: 'architect_readFile',
  findSymbol: 'architect_findSymbol',
  findReferences: 'architect_findReferences',
} as const;
export type ToolName = (typeof TOOL_NAMES)[keyof typeof TOOL_NAMES];

export const ALL_TOOLS: readonly ToolName[] = [TOOL_NAMES.findFiles, TOOL_NAMES.readFile, TOOL_NAMES.findSymbol, TOOL_NAMES.findReferences];
