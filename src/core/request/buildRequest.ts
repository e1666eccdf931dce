import { DEFAULT_CHARS_PER_TOKEN, estimateMessagesTokens, inputBudget } from '../budget/budgetPolicy';
import { INTENTS, hasEnoughToAnswer, taskText } from '../intents/intentTable';
import { english, groupDigits, type Translate } from '../i18n';
import { type InstructionsPart } from '../instructions/instructionsMessage';
import { instructionsForRequest } from '../instructions/requestInstructions';
import { instructionsMessage } from '../prompt/assemble';
import { type ContextSource, type ScreenedSource, type SourceProtection } from '../sources/contextSource';
import { sourceFor } from '../sources/sourceFor';
import { protectConversation } from './conversation';
import { fitSources, type ScreenedEntry } from './fitSources';
import { type RequestInput, type RequestPlan } from './plan';

/** Below this many tokens for code there is no point in sending a sliver of it. */
const MIN_CODE_TOKENS = 50;

/**
 * Builds the whole request as plain data, in the pipeline's order, for any mix of context sources:
 * protect (each source screens its own content), budget (persona and task never cut; the code under
 * review first, related code in what it left, history last), then the messages: persona and task, the
 * team's rules, earlier turns, the pieces of each source in order, the question last.
 */
export async function buildRequest(input: RequestInput): Promise<RequestPlan> {
  const t = input.t ?? english;
  const spec = INTENTS[input.command];
  const charsPerToken = input.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const protection: SourceProtection = { exclude: input.exclude, redactSecrets: input.redactSecrets, charsPerToken, t };
  const entries: ScreenedEntry[] = inFittingOrder(input.context.map(sourceFor)).map((source) => ({
    role: source.role,
    screened: source.screen(protection),
  }));
  const all = entries.map((entry) => entry.screened);
  const budgetTokens = inputBudget(input.maxInputTokens);
  const nothing = emptyPlan(budgetTokens, all);
  const unavailable = all.find((screened) => screened.unavailable !== undefined)?.unavailable;
  if (unavailable !== undefined) return { ...nothing, notes: [], answerWithoutModel: unavailable };
  const underReview = entries.filter((entry) => entry.role === 'under-review').map((entry) => entry.screened);
  const candidates = underReview.reduce((sum, screened) => sum + screened.candidates, 0);
  if (!hasEnoughToAnswer(spec, input.question, candidates)) return { ...nothing, answerWithoutModel: spec.nothingToAnswer(t) };
  const instructions = instructionsMessage(input.persona, taskText(spec, input.persona));
  const conversation = await protectConversation(input.question, spec.defaultQuestion, input.history, input.redactSecrets);
  const paths = underReview.flatMap((screened) => screened.paths);
  const rules = await instructionsForRequest(input.instructionFiles ?? [], paths, { ...input, t });
  const reserved = underReview.reduce((sum, screened) => sum + screened.reservedTokens, 0);
  const room = (rulesText: string | undefined) => {
    const fixedTokens = estimateMessagesTokens(
      [instructions.text, ...(rulesText === undefined ? [] : [rulesText]), conversation.question],
      charsPerToken,
    );
    const available = budgetTokens - fixedTokens - reserved;
    return { fixedTokens, available, fits: available >= 0 && (candidates === 0 || available >= MIN_CODE_TOKENS) };
  };
  const withRules = room(rules.text);
  // The team's rules are capped, but a small model may still not hold them beside the code: then they go.
  const kept = withRules.fits ? rules : rulesLeftOut(rules, t);
  const { fixedTokens, available, fits } = withRules.fits ? withRules : room(undefined);
  if (!fits) return { ...nothing, tooLarge: tooLargeMessage(fixedTokens, input.maxInputTokens, t) };
  return fitSources({ spec, screened: entries, conversation, instructions, rules: kept, available, budgetTokens, charsPerToken, t });
}

/** The code under review first, in the order given; related code after it. */
function inFittingOrder(sources: readonly ContextSource[]): ContextSource[] {
  return [...sources.filter((source) => source.role === 'under-review'), ...sources.filter((source) => source.role !== 'under-review')];
}

function emptyPlan(budgetTokens: number, screened: readonly ScreenedSource[]): RequestPlan {
  return {
    messages: [],
    notes: screened.flatMap((one) => one.notes),
    sent: [],
    skipped: screened.flatMap((one) => one.skipped),
    estimatedTokens: 0,
    budgetTokens,
    codeBudgetTokens: 0,
    redactions: 0,
    instructions: [],
    trimmed: [],
    shown: new Map(),
    sourceMetadata: {},
  };
}

/** The rules did not fit beside the persona and the code: none is sent, and the answer says so. */
function rulesLeftOut(rules: InstructionsPart, t: Translate): InstructionsPart {
  if (rules.text === undefined) return rules;
  const note = t("The team's instruction files were left out to fit the model's input limit: {0}.", rules.used.join(', '));
  return { used: [], notes: [...rules.notes, note], redactions: 0 };
}

function tooLargeMessage(fixedTokens: number, maxInputTokens: number, t: Translate): string {
  return t(
    'The persona, the task and the question need about {0} tokens, with room for the attached code, more than this model accepts ({1}). Choose a model with a larger context window, or a shorter persona.',
    groupDigits(fixedTokens),
    groupDigits(maxInputTokens),
  );
}
