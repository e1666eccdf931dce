import { estimateMessagesTokens, MESSAGE_OVERHEAD_TOKENS } from '../budget/budgetPolicy';
import { newestThatFit } from '../budget/shareBudget';
import { buildChangesContext, type ChangesContext } from '../changes/changesContext';
import { type CommandSpec } from '../commands/commandTable';
import { type ShownLines } from '../findings/shownLines';
import { type Translate } from '../i18n';
import { type InstructionsPart } from '../instructions/instructionsMessage';
import { assemblePrompt, type PromptMessage } from '../prompt/assemble';
import { redactionNote } from './codeNotes';
import { type Conversation } from './conversation';
import { type ChangesData, type HistoryTurn, type RequestInput, type RequestPlan, type SentPiece } from './plan';

/** What fitting a request to its budget needs, whatever the context is made of. */
export interface BudgetedRequest {
  readonly input: RequestInput;
  readonly spec: CommandSpec;
  readonly conversation: Conversation;
  readonly instructions: PromptMessage;
  /** The team's instruction files that apply to the request's files. */
  readonly rules: InstructionsPart;
  /** Tokens left for the context and the history once the persona, the task and the question are counted. */
  readonly available: number;
  readonly budgetTokens: number;
  readonly charsPerToken: number;
  readonly t: Translate;
}

export interface ChangesRequest extends BudgetedRequest {
  readonly changes: ChangesData;
}

/**
 * The budget and the messages for a review of changes: the changed files first (whole hunks, in the
 * order of the diff), then the newest earlier turns that still fit: history is cut first.
 */
export async function fitChangesRequest(request: ChangesRequest): Promise<RequestPlan> {
  const { changes, charsPerToken, t } = request;
  const perFile = changes.files.length * MESSAGE_OVERHEAD_TOKENS;
  const context = await buildChangesContext({
    files: changes.files,
    refused: changes.refused,
    exclude: request.input.exclude,
    redactSecrets: request.input.redactSecrets,
    budgetChars: Math.max(0, Math.floor((request.available - perFile) * charsPerToken)),
    t,
  });
  const rules = request.rules;
  const redactions = context.redactions + request.conversation.redactions + rules.redactions;
  const notes = [...rules.notes, ...context.notes, ...redactionNote(redactions, t)];
  const base = { notes, skipped: [], budgetTokens: request.budgetTokens, redactions, trimmed: context.cut, instructions: rules.used };
  if (context.pieces.length === 0)
    return { ...base, messages: [], sent: [], estimatedTokens: 0, answerWithoutModel: request.spec.nothingToAnswer(t) };
  const piecesTokens = estimateMessagesTokens(context.pieces, charsPerToken);
  const turnTokens = (turn: HistoryTurn) => estimateMessagesTokens([turn.request, turn.response], charsPerToken);
  const history = newestThatFit(request.conversation.history, turnTokens, request.available - piecesTokens);
  const messages = assemblePrompt(
    request.instructions,
    rules.text === undefined ? undefined : { role: 'user', text: rules.text },
    history.flatMap((turn): PromptMessage[] => [
      { role: 'user', text: turn.request },
      { role: 'assistant', text: turn.response },
    ]),
    context.pieces,
    request.conversation.question,
  );
  return {
    ...base,
    messages,
    sent: sentPieces(context, changes.keys),
    estimatedTokens: estimateMessagesTokens(
      messages.map((message) => message.text),
      charsPerToken,
    ),
    changes: { stats: context.stats, changedLines: context.changedLines, hunks: hunksByKey(context, changes.keys) },
  };
}

/** The hunks sent of each file, by resource key: the lines the model was shown of it. */
function hunksByKey(context: ChangesContext, keys: ChangesData['keys']): ShownLines {
  return new Map(context.sent.map((file) => [keys[file.path] ?? file.path, file.hunks]));
}

/** Each file sent, as a piece findings can be placed on: the new-version lines its hunks cover. */
function sentPieces(context: ChangesContext, keys: ChangesData['keys']): SentPiece[] {
  return context.sent.map((file) => {
    const key = keys[file.path] ?? file.path;
    return {
      key,
      ...(keys[file.path] === undefined ? {} : { uri: key }),
      label: file.path,
      matchPath: file.path,
      startLine: file.from,
      endLine: file.to,
      totalLines: file.to,
      complete: false,
    };
  });
}
