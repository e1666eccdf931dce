import * as vscode from 'vscode';
import { DEFAULT_CHARS_PER_TOKEN, estimateTokens } from '../../core/budget/tokens';
import { type PromptMessage } from '../../core/prompt/assemble';
import { type SentPiece } from '../../core/request/buildRequest';
import { t } from '../l10n';
import { toChatMessages } from '../model/languageModel';
import { runTool, type ToolRun } from '../tools/workspaceTools';

export interface AnswerLoopInput {
  readonly model: vscode.LanguageModelChat;
  readonly messages: readonly PromptMessage[];
  /** Empty: the plain flow, one request without tools. */
  readonly tools: readonly vscode.LanguageModelChatTool[];
  readonly maxRounds: number;
  readonly budgetTokens: number;
  readonly estimatedTokens: number;
  readonly justification: string;
  readonly token: vscode.CancellationToken;
  readonly onRequestSent: () => void;
  readonly onText: (text: string) => void;
  readonly onToolRun: (run: ToolRun) => void;
}

export interface AnswerLoopResult {
  readonly toolRounds: number;
  readonly toolCalls: number;
  /** Ranges the model read through tools: findings may land on them too. */
  readonly sent: readonly SentPiece[];
  readonly redactions: number;
}

/**
 * Streams an answer, letting the model call the read-only workspace tools in between. Our own loop,
 * not @vscode/chat-extension-utils' (see docs/decisions/0002-own-tool-loop.md): rounds are capped,
 * the request's cancellation token reaches the model and every tool, tool results count against the
 * token budget, and the last round offers no tools so the model has to answer.
 */
export async function answerWithTools(input: AnswerLoopInput): Promise<AnswerLoopResult> {
  const messages = toChatMessages(input.messages);
  const sent: SentPiece[] = [];
  let used = input.estimatedTokens;
  let toolRounds = 0;
  let toolCalls = 0;
  let redactions = 0;
  let lastText = '';
  for (let round = 0; ; round++) {
    const offer = input.tools.length > 0 && round < input.maxRounds && used < input.budgetTokens * 0.85;
    const response = await input.model.sendRequest(
      messages,
      { justification: input.justification, ...(offer ? { tools: [...input.tools] } : {}) },
      input.token,
    );
    if (round === 0) input.onRequestSent();
    const calls: vscode.LanguageModelToolCallPart[] = [];
    let text = '';
    for await (const part of response.stream) {
      if (part instanceof vscode.LanguageModelTextPart) {
        // A new round's text starts a new paragraph: glued to the last round's, "## Review" or the
        // findings fence would not start a line.
        if (text === '' && lastText !== '' && !lastText.endsWith('\n\n')) input.onText(lastText.endsWith('\n') ? '\n' : '\n\n');
        text += part.value;
        input.onText(part.value);
      } else if (part instanceof vscode.LanguageModelToolCallPart) calls.push(part);
    }
    if (text !== '') lastText = text;
    // Tool calls the model makes when none were offered (the last round) are not run.
    if (!offer || calls.length === 0 || input.token.isCancellationRequested) break;

    toolRounds++;
    messages.push(vscode.LanguageModelChatMessage.Assistant([...(text === '' ? [] : [new vscode.LanguageModelTextPart(text)]), ...calls]));
    used += estimateTokens(text) + 8;
    const results: vscode.LanguageModelToolResultPart[] = [];
    for (const [index, call] of calls.entries()) {
      if (input.token.isCancellationRequested) break;
      if (index >= MAX_CALLS_PER_ROUND) {
        results.push(
          new vscode.LanguageModelToolResultPart(call.callId, [
            new vscode.LanguageModelTextPart(t('Not run: at most {0} tool calls per round.', MAX_CALLS_PER_ROUND)),
          ]),
        );
        continue;
      }
      toolCalls++;
      const run = await runTool(call.name, call.input, input.token);
      input.onToolRun(run);
      if (run.output.sent) sent.push(run.output.sent);
      redactions += run.output.redactions;
      const room = Math.max(0, input.budgetTokens - used - 200);
      const output = fitResult(run.output.text, room);
      used += estimateTokens(output) + 8;
      results.push(new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart(output)]));
    }
    if (input.token.isCancellationRequested) break;
    messages.push(vscode.LanguageModelChatMessage.User(results));
  }
  return { toolRounds, toolCalls, sent, redactions };
}

/** Enough for a real lookup; a flood of calls in one round is more likely a probe than a review. */
const MAX_CALLS_PER_ROUND = 8;

/** A tool result cut to what is left of the input budget, saying so. */
function fitResult(text: string, roomTokens: number): string {
  const room = Math.floor(roomTokens * DEFAULT_CHARS_PER_TOKEN);
  if (text.length <= room) return text;
  if (room < 200) return t("(result left out: the model's input limit is reached; answer with what you have)");
  return `${text.slice(0, room - 120)}\n${t("(result cut here: the model's input limit; ask for a smaller range)")}`;
}
