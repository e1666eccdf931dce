import * as vscode from 'vscode';
import { type TokenLedger } from '../../core/budget/budgetPolicy';
import { type PromptMessage } from '../../core/prompt/assemble';
import { type SentPiece } from '../../core/request/plan';
import { t } from '../../common/l10n';
import { toChatMessages } from '../model/languageModel';
import { runTool, type ToolRun } from '../tools/workspaceTools';

export interface AnswerLoopInput {
  readonly model: vscode.LanguageModelChat;
  readonly messages: readonly PromptMessage[];
  /** Empty: one request without tools. */
  readonly tools: readonly vscode.LanguageModelChatTool[];
  readonly maxRounds: number;
  readonly ledger: TokenLedger;
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

interface RoundAnswer {
  readonly text: string;
  readonly calls: readonly vscode.LanguageModelToolCallPart[];
}

/** Enough for a real lookup; a flood of calls in one round is more likely a probe than a review. */
const MAX_CALLS_PER_ROUND = 8;

/**
 * The send phase: streams an answer, letting the model call the read-only workspace tools in between.
 * Our own loop (docs/decisions/0002-own-tool-loop.md): rounds are capped, the request's cancellation
 * token reaches the model and every tool, tool results count against the token budget, and the last
 * round offers no tools so the model has to answer.
 */
export async function answerWithTools(input: AnswerLoopInput): Promise<AnswerLoopResult> {
  const messages = toChatMessages(input.messages);
  const totals = { toolRounds: 0, toolCalls: 0, redactions: 0, sent: [] as SentPiece[] };
  let lastText = '';
  for (let round = 0; ; round++) {
    const offer = input.tools.length > 0 && round < input.maxRounds && input.ledger.mayOfferTools();
    const options = { justification: input.justification, ...(offer ? { tools: [...input.tools] } : {}) };
    const response = await input.model.sendRequest(messages, options, input.token);
    if (round === 0) input.onRequestSent();
    const answer = await readRound(response, lastText, input.onText);
    if (answer.text !== '') lastText = answer.text;
    // Tool calls the model makes when none were offered (the last round) are not run.
    if (!offer || answer.calls.length === 0 || input.token.isCancellationRequested) break;
    totals.toolRounds++;
    messages.push(vscode.LanguageModelChatMessage.Assistant(roundParts(answer)));
    input.ledger.spend(answer.text);
    const results = await runCalls(answer.calls, input, totals);
    if (input.token.isCancellationRequested) break;
    messages.push(vscode.LanguageModelChatMessage.User(results));
  }
  return totals;
}

async function readRound(
  response: vscode.LanguageModelChatResponse,
  lastText: string,
  onText: (text: string) => void,
): Promise<RoundAnswer> {
  const calls: vscode.LanguageModelToolCallPart[] = [];
  let text = '';
  for await (const part of response.stream) {
    if (part instanceof vscode.LanguageModelTextPart) {
      // A new round's text starts a new paragraph: glued to the last round's, "## Review" or the
      // findings fence would not start a line.
      if (text === '' && lastText !== '' && !lastText.endsWith('\n\n')) onText(lastText.endsWith('\n') ? '\n' : '\n\n');
      text += part.value;
      onText(part.value);
    } else if (part instanceof vscode.LanguageModelToolCallPart) calls.push(part);
  }
  return { text, calls };
}

function roundParts(answer: RoundAnswer): Array<vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart> {
  return [...(answer.text === '' ? [] : [new vscode.LanguageModelTextPart(answer.text)]), ...answer.calls];
}

async function runCalls(
  calls: readonly vscode.LanguageModelToolCallPart[],
  input: AnswerLoopInput,
  totals: { toolCalls: number; redactions: number; sent: SentPiece[] },
): Promise<vscode.LanguageModelToolResultPart[]> {
  const results: vscode.LanguageModelToolResultPart[] = [];
  for (const [index, call] of calls.entries()) {
    if (input.token.isCancellationRequested) break;
    const text =
      index >= MAX_CALLS_PER_ROUND
        ? t('Not run: at most {0} tool calls per round.', MAX_CALLS_PER_ROUND)
        : await runCall(call, input, totals);
    results.push(new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart(text)]));
  }
  return results;
}

async function runCall(
  call: vscode.LanguageModelToolCallPart,
  input: AnswerLoopInput,
  totals: { toolCalls: number; redactions: number; sent: SentPiece[] },
): Promise<string> {
  totals.toolCalls++;
  const run = await runTool(call.name, call.input, input.token);
  input.onToolRun(run);
  if (run.output.sent) totals.sent.push(run.output.sent);
  totals.redactions += run.output.redactions;
  const output = fitResult(run.output.text, input.ledger.roomForResultChars());
  input.ledger.spend(output);
  return output;
}

/** A tool result cut to what is left of the input budget, saying so. */
function fitResult(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room < 200) return t("(result left out: the model's input limit is reached; answer with what you have)");
  return `${text.slice(0, room - 120)}\n${t("(result cut here: the model's input limit; ask for a smaller range)")}`;
}
