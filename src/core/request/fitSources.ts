import { estimateMessagesTokens } from '../budget/budgetPolicy';
import { newestThatFit } from '../budget/shareBudget';
import { hasEnoughToAnswer, type IntentSpec } from '../intents/intentTable';
import { type Translate } from '../i18n';
import { type InstructionsPart } from '../instructions/instructionsMessage';
import { assemblePrompt, type PromptMessage } from '../prompt/assemble';
import { unionShown } from '../findings/shownLines';
import { type FittedSource, type ScreenedSource, type SourceMetadata, type SourceRole } from '../sources/contextSource';
import { redactionNote } from './codeNotes';
import { type Conversation } from './conversation';
import { type HistoryTurn, type RequestPlan } from './plan';

/** Related code takes at most this share of the code budget, and only what the code under review left. */
export const RELATED_SHARE = 0.25;

export interface ScreenedEntry {
  readonly role: SourceRole;
  readonly screened: ScreenedSource;
}

export interface SourcesRequest {
  readonly spec: IntentSpec;
  readonly screened: readonly ScreenedEntry[];
  readonly conversation: Conversation;
  readonly instructions: PromptMessage;
  /** The team's instruction files that apply to the code under review. */
  readonly rules: InstructionsPart;
  /** Tokens for code once the persona, task, rules, question and the pieces' headers are counted. */
  readonly available: number;
  readonly budgetTokens: number;
  readonly charsPerToken: number;
  readonly t: Translate;
}

/**
 * Fits the sources one after the other (the code under review first, then related code into what it
 * left, at most a quarter of the code budget), then the newest earlier turns in what remains, when the
 * code under review went whole: history is cut first.
 */
export async function fitSources(request: SourcesRequest): Promise<RequestPlan> {
  const { conversation, charsPerToken, t } = request;
  const conventions: PromptMessage | undefined = request.rules.text === undefined ? undefined : { role: 'user', text: request.rules.text };
  const frame = (pieces: readonly string[], history: readonly PromptMessage[] = []) =>
    assemblePrompt(request.instructions, conventions, history, pieces, conversation.question);
  const fitted = await fitInOrder(request, frame);
  const pieces = fitted.flatMap((source) => source.pieces);
  const underReview = fitted.filter((source) => source.role === 'under-review');
  const notes = [...request.screened.flatMap((entry) => entry.screened.notes), ...request.rules.notes];
  const redactions = conversation.redactions + request.rules.redactions + fitted.reduce((sum, source) => sum + source.redactions, 0);
  const codeNotes = [...fitted.flatMap((source) => source.notes), ...redactionNote(redactions, t)];
  const common = commonPlan(request, fitted, redactions);
  if (underReview.every((source) => source.pieces.length === 0) && !hasEnoughToAnswer(request.spec, conversation.question, 0))
    return {
      ...common,
      notes: [...notes, ...codeNotes],
      messages: [],
      sent: [],
      estimatedTokens: 0,
      answerWithoutModel: request.spec.nothingToAnswer(t),
    };
  const turnTokens = (turn: HistoryTurn) => estimateMessagesTokens([turn.request, turn.response], charsPerToken);
  const left =
    request.budgetTokens -
    estimateMessagesTokens(
      frame(pieces).map((message) => message.text),
      charsPerToken,
    );
  const history = underReview.every((source) => source.whole) ? newestThatFit(conversation.history, turnTokens, left) : [];
  const dropped = droppedTurnsReport(conversation.history.length - history.length, t);
  const messages = frame(
    pieces,
    history.flatMap((turn): PromptMessage[] => [
      { role: 'user', text: turn.request },
      { role: 'assistant', text: turn.response },
    ]),
  );
  return {
    ...common,
    messages,
    notes: [...notes, ...dropped.notes, ...codeNotes],
    trimmed: [...dropped.trimmed, ...common.trimmed],
    estimatedTokens: estimateMessagesTokens(
      messages.map((message) => message.text),
      charsPerToken,
    ),
  };
}

type Frame = (pieces: readonly string[]) => PromptMessage[];

/** Each source gets its share in turn; what the earlier ones sent is in the frame the later ones are measured in. */
async function fitInOrder(request: SourcesRequest, frame: Frame): Promise<FittedSource[]> {
  const fitted: FittedSource[] = [];
  for (const { role, screened } of request.screened) {
    const before = fitted.flatMap((source) => source.pieces);
    const left =
      request.budgetTokens -
      estimateMessagesTokens(
        frame(before).map((message) => message.text),
        request.charsPerToken,
      );
    const tokens =
      role === 'under-review'
        ? request.available - estimateMessagesTokens(before, request.charsPerToken)
        : Math.min(left, Math.floor(request.available * RELATED_SHARE));
    fitted.push(
      await screened.fit({
        tokens: Math.max(0, tokens),
        budgetTokens: request.budgetTokens,
        charsPerToken: request.charsPerToken,
        frame: (pieces) => frame([...before, ...pieces]),
        alreadyShown: unionShown(fitted.map((source) => source.ground())),
      }),
    );
  }
  return fitted;
}

/** What every plan of these sources says, whether or not a model request follows. */
function commonPlan(request: SourcesRequest, fitted: readonly FittedSource[], redactions: number) {
  const metadata: SourceMetadata = Object.assign({}, ...fitted.map((source) => source.metadata())) as SourceMetadata;
  const scope = fitted.find((source) => source.findingsScope !== undefined)?.findingsScope;
  return {
    sent: fitted.flatMap((source) => source.sent),
    skipped: request.screened.flatMap((entry) => entry.screened.skipped),
    budgetTokens: request.budgetTokens,
    codeBudgetTokens: Math.max(0, request.available),
    redactions,
    instructions: request.rules.used,
    trimmed: fitted.flatMap((source) => source.trimmed),
    shown: unionShown(fitted.map((source) => source.ground())),
    sourceMetadata: metadata,
    ...(scope === undefined ? {} : { findingsScope: scope }),
  };
}

function droppedTurnsReport(dropped: number, t: Translate): { notes: string[]; trimmed: string[] } {
  if (dropped <= 0) return { notes: [], trimmed: [] };
  return {
    trimmed: [t('{0} earlier turns', dropped)],
    notes: [t("{0} earlier turns of this conversation were left out to fit the model's input limit.", dropped)],
  };
}
