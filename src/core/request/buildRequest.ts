import {
  DEFAULT_CHARS_PER_TOKEN,
  estimateMessagesTokens,
  estimateTokens,
  inputBudget,
  MESSAGE_OVERHEAD_TOKENS,
} from '../budget/budgetPolicy';
import { newestThatFit } from '../budget/shareBudget';
import { COMMANDS, hasEnoughToAnswer, taskText, type CommandSpec } from '../commands/commandTable';
import { LineIndex } from '../context/lineIndex';
import { english, groupDigits, type Translate } from '../i18n';
import { type InstructionsPart } from '../instructions/instructionsMessage';
import { attachedPaths, instructionsForRequest } from '../instructions/requestInstructions';
import { assemblePrompt, instructionsMessage, type PromptMessage } from '../prompt/assemble';
import { redactionNote, reportCode } from './codeNotes';
import { protectConversation } from './conversation';
import { fitCode, renderedLength } from './fitCode';
import { fitChangesRequest, type BudgetedRequest } from './changesRequest';
import { sentPiece, type ChangesData, type HistoryTurn, type RequestInput, type RequestPlan } from './plan';
import { screenSources, type Screened } from './screenSources';

/** Extra characters of the piece header beyond the code, counted generously. */
const HEADER_ALLOWANCE_CHARS = 400;
/** Below this many tokens for code there is no point in sending a sliver of it. */
const MIN_CODE_TOKENS = 50;

/**
 * Builds the whole request as plain data, in the pipeline's order: protect (exclusions, binary refusal,
 * redaction, hidden characters), budget (persona and task never cut, history first, code windowed
 * around the selection), then the messages: persona and task, earlier turns, one message per attached
 * piece, the question last.
 */
export async function buildRequest(input: RequestInput): Promise<RequestPlan> {
  const t = input.t ?? english;
  const spec = COMMANDS[input.command];
  if (input.changes) return buildChangesRequest(input, input.changes, spec, t);
  const screened = screenSources(input.sources, input.exclude, t);
  const budgetTokens = inputBudget(input.maxInputTokens);
  const nothing = {
    sent: [],
    skipped: screened.skipped,
    estimatedTokens: 0,
    budgetTokens,
    redactions: 0,
    instructions: [],
    trimmed: [],
    messages: [],
  };
  if (!hasEnoughToAnswer(spec, input.question, screened.usable.length)) {
    return { ...nothing, notes: screened.notes, answerWithoutModel: spec.nothingToAnswer(t) };
  }
  const instructions = instructionsMessage(input.persona, taskText(spec, input.persona));
  const conversation = await protectConversation(input.question, spec.defaultQuestion, input.history, input.redactSecrets);
  const rules = await instructionsForRequest(input.instructionFiles ?? [], attachedPaths(input.sources), { ...input, t });
  const charsPerToken = input.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const headerTokens = MESSAGE_OVERHEAD_TOKENS + estimateTokens(' '.repeat(HEADER_ALLOWANCE_CHARS), charsPerToken);
  const room = (fixed: readonly string[]) => {
    const fixedTokens = estimateMessagesTokens([instructions.text, ...fixed, conversation.question], charsPerToken);
    const available = budgetTokens - fixedTokens - screened.usable.length * headerTokens;
    return { fixedTokens, available, fits: available >= 0 && (screened.usable.length === 0 || available >= MIN_CODE_TOKENS) };
  };
  const withRules = room(rules.text === undefined ? [] : [rules.text]);
  // The team's rules are capped, but a small model may still not hold them beside the code: then they go.
  const kept = withRules.fits ? rules : rulesLeftOut(rules, t);
  const { fixedTokens, available, fits } = withRules.fits ? withRules : room([]);
  if (!fits) return { ...nothing, notes: screened.notes, tooLarge: tooLargeMessage(fixedTokens, input.maxInputTokens, t) };
  return fitRequest({ input, spec, screened, conversation, instructions, rules: kept, available, budgetTokens, charsPerToken, t });
}

/** The rules did not fit beside the persona and the code: none is sent, and the answer says so. */
function rulesLeftOut(rules: InstructionsPart, t: Translate): InstructionsPart {
  if (rules.text === undefined) return rules;
  const note = t("The team's instruction files were left out to fit the model's input limit: {0}.", rules.used.join(', '));
  return { used: [], notes: [...rules.notes, note], redactions: 0 };
}

/** A review of changes: the same phases, with the diff of a repository as the context. */
async function buildChangesRequest(input: RequestInput, changes: ChangesData, spec: CommandSpec, t: Translate): Promise<RequestPlan> {
  const budgetTokens = inputBudget(input.maxInputTokens);
  const nothing = {
    sent: [],
    skipped: [],
    estimatedTokens: 0,
    budgetTokens,
    redactions: 0,
    trimmed: [],
    messages: [],
    notes: [],
    instructions: [],
  };
  if (changes.unavailable !== undefined) return { ...nothing, answerWithoutModel: changes.unavailable };
  const instructions = instructionsMessage(input.persona, taskText(spec, input.persona));
  const conversation = await protectConversation(input.question, spec.defaultQuestion, input.history, input.redactSecrets);
  const changedPaths = changes.files.map((file) => file.path);
  const found = await instructionsForRequest(input.instructionFiles ?? [], changedPaths, { ...input, t });
  const charsPerToken = input.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const fixedOf = (rules: InstructionsPart) =>
    estimateMessagesTokens([instructions.text, ...(rules.text === undefined ? [] : [rules.text]), conversation.question], charsPerToken);
  const rules = budgetTokens - fixedOf(found) >= MIN_CODE_TOKENS ? found : rulesLeftOut(found, t);
  const fixedTokens = fixedOf(rules);
  const available = budgetTokens - fixedTokens;
  if (available < MIN_CODE_TOKENS) return { ...nothing, tooLarge: tooLargeMessage(fixedTokens, input.maxInputTokens, t) };
  return fitChangesRequest({ input, changes, spec, conversation, instructions, rules, available, budgetTokens, charsPerToken, t });
}

interface FitRequest extends BudgetedRequest {
  readonly screened: Screened;
}

/** Whole pieces when they fit, with history in what is left; otherwise no history and windowed code. */
async function fitRequest(request: FitRequest): Promise<RequestPlan> {
  const { screened, conversation, rules, charsPerToken, t } = request;
  const conventions: PromptMessage | undefined = rules.text === undefined ? undefined : { role: 'user', text: rules.text };
  const usable = screened.usable;
  // One line index per file, shared by the size estimate and every windowing attempt: 5 MB is scanned once.
  const indexes = usable.map((source) => new LineIndex(source.content.text));
  const wholeChars = usable.map((source, index) => renderedLength(source.content.text, indexes[index] as LineIndex));
  const wholeTokens = wholeChars.reduce((sum, chars) => sum + Math.ceil(chars / charsPerToken), 0);
  const codeFits = wholeTokens <= request.available;
  const turnTokens = (turn: HistoryTurn) => estimateMessagesTokens([turn.request, turn.response], charsPerToken);
  const history = codeFits ? newestThatFit(conversation.history, turnTokens, request.available - wholeTokens) : [];
  const historyMessages = history.flatMap((turn): PromptMessage[] => [
    { role: 'user', text: turn.request },
    { role: 'assistant', text: turn.response },
  ]);
  const fitted = await fitCode({
    usable,
    indexes,
    wholeChars,
    codeFits,
    codeBudgetChars: Math.floor(request.available * charsPerToken),
    budgetTokens: request.budgetTokens,
    charsPerToken,
    redactSecrets: request.input.redactSecrets,
    frame: (pieces) => assemblePrompt(request.instructions, conventions, historyMessages, pieces, conversation.question),
    t,
  });
  const dropped = droppedTurnsReport(conversation.history.length - history.length, t);
  const code = reportCode(usable, fitted.windows, fitted.rendered, t);
  const redactions = conversation.redactions + rules.redactions + fitted.rendered.reduce((sum, piece) => sum + piece.redactions, 0);
  return {
    messages: fitted.messages,
    notes: [...screened.notes, ...rules.notes, ...dropped.notes, ...code.notes, ...redactionNote(redactions, t)],
    sent: usable.flatMap((source, index) => {
      const window = fitted.windows[index];
      return window && window.lines.length > 0 ? [sentPiece(source, window)] : [];
    }),
    skipped: screened.skipped,
    estimatedTokens: fitted.estimatedTokens,
    budgetTokens: request.budgetTokens,
    redactions,
    instructions: rules.used,
    trimmed: [...dropped.trimmed, ...code.trimmed],
  };
}

function droppedTurnsReport(dropped: number, t: Translate): { notes: string[]; trimmed: string[] } {
  if (dropped <= 0) return { notes: [], trimmed: [] };
  return {
    trimmed: [t('{0} earlier turns', dropped)],
    notes: [t("{0} earlier turns of this conversation were left out to fit the model's input limit.", dropped)],
  };
}

function tooLargeMessage(fixedTokens: number, maxInputTokens: number, t: Translate): string {
  return t(
    'The persona, the task and the question need about {0} tokens, with room for the attached code, more than this model accepts ({1}). Choose a model with a larger context window, or a shorter persona.',
    groupDigits(fixedTokens),
    groupDigits(maxInputTokens),
  );
}
