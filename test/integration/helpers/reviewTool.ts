import * as vscode from 'vscode';

export const REVIEW_TOOL = 'architect_review';

export interface ReviewCall {
  readonly token?: vscode.CancellationToken;
  readonly tokenBudget?: number;
}

/**
 * Calls `architect_review` as an agent does, through vscode.lm.invokeTool, without a chat request
 * (no toolInvocationToken), and returns the text of its result.
 */
export async function invokeReview(input: object, call: ReviewCall = {}): Promise<string> {
  const result = await vscode.lm.invokeTool(
    REVIEW_TOOL,
    {
      input,
      toolInvocationToken: undefined,
      ...(call.tokenBudget === undefined
        ? {}
        : { tokenizationOptions: { tokenBudget: call.tokenBudget, countTokens: async (text: string) => Math.ceil(text.length / 4) } }),
    },
    call.token ?? new vscode.CancellationTokenSource().token,
  );
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** A reply with prose and a findings block, as the persona asks for. */
export function findingsReply(prose: string, findings: readonly object[]): string[] {
  return [prose, '\n\n```architect-findings\n', JSON.stringify(findings), '\n```\n'];
}

export function architectDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Architect');
}
