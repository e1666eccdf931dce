import { type ChatCommand, hasEnoughToAnswer } from '../commands';
import { type AttachedSource } from '../context/attachment';
import { excludingPattern } from '../context/exclude';
import { looksBinary } from '../context/decode';
import { LineIndex } from '../context/lineIndex';
import { linePrefixWidth, windowText, type CodeWindow } from '../context/window';
import { english, groupDigits, type Translate } from '../i18n';
import { type Persona } from '../persona/persona';
import { assemblePrompt, instructionsMessage, type PromptMessage } from '../prompt/assemble';
import { describeHiddenCharacter, renderPiece, type HiddenCharacterReport, type RenderedPiece } from '../prompt/renderPiece';
import { taskFor } from '../prompt/tasks';
import { redactText } from '../redact/findSecrets';
import { secretsNear } from '../redact/secretsNear';
import { DEFAULT_CHARS_PER_TOKEN, estimateMessagesTokens, estimateTokens, inputBudget, MESSAGE_OVERHEAD_TOKENS } from '../budget/tokens';
import { newestThatFit, shareBudget } from '../budget/shareBudget';

export interface HistoryTurn {
  readonly request: string;
  readonly response: string;
}

export interface RequestInput {
  readonly command: ChatCommand | undefined;
  readonly question: string;
  readonly persona: Persona;
  readonly sources: readonly AttachedSource[];
  /** Earlier turns with this participant, oldest first. */
  readonly history: readonly HistoryTurn[];
  readonly exclude: readonly string[];
  readonly redactSecrets: boolean;
  readonly maxInputTokens: number;
  readonly charsPerToken?: number;
  readonly t?: Translate;
}

/** What was sent of one attached source: for references, and to place findings on the right lines. */
export interface SentPiece {
  readonly key: string;
  readonly uri?: string;
  readonly label: string;
  readonly matchPath: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly totalLines: number;
  readonly complete: boolean;
  /** Read by the model through a tool rather than attached by the user. */
  readonly viaTool?: boolean;
}

export interface RequestPlan {
  readonly messages: readonly PromptMessage[];
  /** One-line notes for the top of the answer: what was left out, cut, redacted or looks suspicious. */
  readonly notes: readonly string[];
  readonly sent: readonly SentPiece[];
  /** Sources that were not sent, with the reason, for references and the log. */
  readonly skipped: ReadonlyArray<{ readonly label: string; readonly reason: 'excluded' | 'binary' | 'unreadable' | 'empty' }>;
  /** Set when there is nothing worth a model call: answer with this instead (RELIABILITY R28). */
  readonly answerWithoutModel?: string;
  /** Set when even the persona and task do not fit the model: an error a person can act on. */
  readonly tooLarge?: string;
  readonly estimatedTokens: number;
  readonly budgetTokens: number;
  readonly redactions: number;
  /** What was cut, for the log: "src/api.ts lines 40–220 of 1,200", "2 earlier turns". */
  readonly trimmed: readonly string[];
}

/** What the model saw of a source: its identity and the window of lines sent. */
export function sentPiece(source: AttachedSource, window: CodeWindow, viaTool = false): SentPiece {
  return {
    key: source.key,
    ...(source.uri === undefined ? {} : { uri: source.uri }),
    label: source.label,
    matchPath: source.matchPath,
    startLine: window.startLine,
    endLine: window.endLine,
    totalLines: window.totalLines,
    complete: window.complete,
    ...(viaTool ? { viaTool } : {}),
  };
}

/** Extra characters of the piece header beyond the code, counted generously. */
const HEADER_ALLOWANCE_CHARS = 400;

/**
 * Builds the whole request as plain data: protection (exclusions, binary refusal, redaction, hidden
 * characters), the token budget (persona and task never cut, history first, code windowed around the
 * selection), and the messages in the order of DESIGN.md step 5.
 */
export async function buildRequest(input: RequestInput): Promise<RequestPlan> {
  const t = input.t ?? english;
  const charsPerToken = input.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const notes: string[] = [];
  const skipped: Array<RequestPlan['skipped'][number]> = [];
  const usable: Array<AttachedSource & { readonly content: { readonly kind: 'text'; readonly text: string } }> = [];

  for (const source of input.sources) {
    const pattern = source.uri === undefined ? undefined : excludingPattern(source.matchPath, input.exclude);
    if (pattern !== undefined) {
      skipped.push({ label: source.label, reason: 'excluded' });
      notes.push(t('{0} was not sent: it matches the exclusion pattern "{1}" (setting architect.exclude).', source.label, pattern));
    } else if (source.content.kind === 'binary' || (source.content.kind === 'text' && looksBinary(source.content.text))) {
      skipped.push({ label: source.label, reason: 'binary' });
      notes.push(t('{0} was not sent: it is a binary file, not source code.', source.label));
    } else if (source.content.kind === 'unreadable') {
      skipped.push({ label: source.label, reason: 'unreadable' });
      notes.push(t('{0} could not be read: {1}', source.label, source.content.reason));
    } else if (source.content.kind === 'text' && source.content.text.trim() === '') {
      skipped.push({ label: source.label, reason: 'empty' });
      notes.push(source.focus?.kind === 'selection' ? t('The selection in {0} is empty.', source.label) : t('{0} is empty.', source.label));
    } else if (source.content.kind === 'text') {
      usable.push({ ...source, content: source.content });
    }
  }

  const budgetTokens = inputBudget(input.maxInputTokens);
  const empty = { sent: [], skipped, estimatedTokens: 0, budgetTokens, redactions: 0, trimmed: [] };
  if (!hasEnoughToAnswer(input.command, input.question, usable.length)) {
    return { ...empty, messages: [], notes, answerWithoutModel: nothingToAnswer(input.command, t) };
  }

  const instructions = instructionsMessage(input.persona, taskFor(input.command, input.persona));
  // The user's own words and earlier turns go to the model too: a pasted token is redacted there as well.
  const asked =
    input.question.trim() === '' ? { text: defaultQuestion(input.command), count: 0 } : await redactIf(input.redactSecrets, input.question);
  const question = asked.text;
  let conversationRedactions = asked.count;
  const conversation: HistoryTurn[] = [];
  for (const turn of input.history) {
    const [request, response] = await Promise.all([
      redactIf(input.redactSecrets, turn.request),
      redactIf(input.redactSecrets, turn.response),
    ]);
    conversationRedactions += request.count + response.count;
    conversation.push({ request: request.text, response: response.text });
  }
  const fixedTokens = estimateMessagesTokens([instructions.text, question], charsPerToken);
  const pieceOverhead = usable.length * (MESSAGE_OVERHEAD_TOKENS + estimateTokens(' '.repeat(HEADER_ALLOWANCE_CHARS), charsPerToken));
  const available = budgetTokens - fixedTokens - pieceOverhead;
  if (available < 0 || (usable.length > 0 && available < 50)) {
    return {
      ...empty,
      messages: [],
      notes,
      tooLarge: t(
        'The persona, the task and the question need about {0} tokens, with room for the attached code, more than this model accepts ({1}). Choose a model with a larger context window, or a shorter persona.',
        groupDigits(fixedTokens),
        groupDigits(input.maxInputTokens),
      ),
    };
  }

  // Whole pieces when they fit, with history in what is left; otherwise no history and windowed code.
  // One line index per file, shared by the size estimate and every windowing attempt: 5 MB is scanned once.
  const indexes = usable.map((source) => new LineIndex(source.content.text));
  const wholeChars = usable.map((source, index) => renderedLength(source.content.text, indexes[index] as LineIndex));
  const wholeTokens = wholeChars.reduce((sum, chars) => sum + Math.ceil(chars / charsPerToken), 0);
  const turnTokens = (turn: HistoryTurn) => estimateMessagesTokens([turn.request, turn.response], charsPerToken);
  const codeFits = wholeTokens <= available;
  const history = codeFits ? newestThatFit(conversation, turnTokens, available - wholeTokens) : [];
  const trimmed: string[] = [];
  const droppedTurns = conversation.length - history.length;
  if (droppedTurns > 0) {
    trimmed.push(t('{0} earlier turns', droppedTurns));
    notes.push(t("{0} earlier turns of this conversation were left out to fit the model's input limit.", droppedTurns));
  }

  let codeBudgetChars = Math.floor(available * charsPerToken);
  let rendered: RenderedPiece[] = [];
  let windows: CodeWindow[] = [];
  let messages: PromptMessage[] = [];
  let estimatedTokens = 0;
  const historyMessages = history.flatMap((turn): PromptMessage[] => [
    { role: 'user', text: turn.request },
    { role: 'assistant', text: turn.response },
  ]);
  // Placeholders and visible markers (a hidden character becomes ten) can make the code longer than its
  // raw size: shrink the code budget by the measured ratio and window again.
  for (let attempt = 0; attempt < 4; attempt++) {
    const shares = codeFits && attempt === 0 ? wholeChars : shareBudget(wholeChars, codeBudgetChars);
    windows = usable.map((source, index) => windowText(source.content.text, source.focus, shares[index] ?? 0, indexes[index]));
    rendered = await Promise.all(
      usable.map(async (source, index) => {
        const window = windows[index] as CodeWindow;
        const secrets = input.redactSecrets ? await secretsNear(source.content.text, window) : [];
        return renderPiece(source, window, secrets, t);
      }),
    );
    const pieceTexts = rendered.filter((_, index) => (windows[index]?.lines.length ?? 0) > 0).map((piece) => piece.text);
    messages = assemblePrompt(instructions, historyMessages, pieceTexts, question);
    estimatedTokens = estimateMessagesTokens(
      messages.map((message) => message.text),
      charsPerToken,
    );
    if (estimatedTokens <= budgetTokens) break;
    const codeTokens = estimateMessagesTokens(
      rendered.map((piece) => piece.text),
      charsPerToken,
    );
    const allowedCodeTokens = Math.max(0, budgetTokens - (estimatedTokens - codeTokens));
    const planned = Math.min(
      codeBudgetChars,
      shares.reduce((sum, share) => sum + share, 0),
    );
    codeBudgetChars = Math.floor(planned * (allowedCodeTokens / Math.max(codeTokens, 1)) * 0.95);
  }

  const sent = usable.flatMap((source, index) =>
    (windows[index]?.lines.length ?? 0) > 0 ? [sentPiece(source, windows[index] as CodeWindow)] : [],
  );

  usable.forEach((source, index) => {
    const window = windows[index] as CodeWindow;
    const piece = rendered[index] as RenderedPiece;
    if (window.lines.length === 0) {
      trimmed.push(t('{0} (all of it)', source.label));
      notes.push(t("{0} was left out: not even its first line fits the model's input limit.", source.label));
    } else if (!window.complete) {
      const what = t('{0} lines {1}–{2} of {3}', source.label, window.startLine, window.endLine, groupDigits(window.totalLines));
      trimmed.push(what);
      notes.push(
        window.selectionCut
          ? t("Sent {0}: the selection is larger than the model's input limit allows.", what)
          : t("Sent {0}, to fit the model's input limit.", what),
      );
    }
    for (const cut of piece.partialLines) {
      notes.push(
        t(
          '{0} line {1} is very long (minified?): sent characters {2}–{3} of {4}.',
          source.label,
          cut.line,
          groupDigits(cut.from),
          groupDigits(cut.to),
          groupDigits(cut.length),
        ),
      );
    }
    if (piece.hidden.length > 0) notes.push(hiddenCharactersNote(source.label, piece.hidden, t));
  });

  const redactions = conversationRedactions + rendered.reduce((sum, piece) => sum + piece.redactions, 0);
  if (redactions > 0) {
    notes.push(
      redactions === 1
        ? t('1 secret was replaced by a placeholder before sending.')
        : t('{0} secrets were replaced by placeholders before sending.', redactions),
    );
  }
  return { messages, notes, sent, skipped, estimatedTokens, budgetTokens, redactions, trimmed };
}

function renderedLength(text: string, index: LineIndex): number {
  return text.length + index.lineCount * (linePrefixWidth(index.lineCount) + 1);
}

function hiddenCharactersNote(label: string, hidden: readonly HiddenCharacterReport[], t: Translate): string {
  const shown = hidden.slice(0, 5).map((report) => t('line {0} ({1})', report.line, describeHiddenCharacter(report)));
  const more = hidden.length > 5 ? t(' and {0} more', hidden.length - 5) : '';
  return t(
    '⚠️ Suspicious invisible characters in {0}: {1}{2}. They can make code read differently from what it does; the model saw them as ⟦U+…⟧ markers.',
    label,
    shown.join(', '),
    more,
  );
}

async function redactIf(redact: boolean, text: string): Promise<{ text: string; count: number }> {
  return redact ? redactText(text) : { text, count: 0 };
}

function defaultQuestion(command: ChatCommand | undefined): string {
  switch (command) {
    case 'review':
      return 'Review the attached code.';
    case 'security':
      return 'Audit the attached code for security.';
    case 'schema':
      return 'Review the data model in the attached code.';
    case 'design':
      return 'Write a design document for the attached code.';
    case 'diagnose':
      return 'Diagnose what could make the attached code slow or failing.';
    default:
      return 'What do you think of the attached code?';
  }
}

function nothingToAnswer(command: ChatCommand | undefined, t: Translate): string {
  switch (command) {
    case 'review':
    case 'security':
      return t(
        'There is no code to look at. Select the code of an API handler (or open its file) and ask again, attach a file with #file, or describe the API in your message.',
      );
    case 'schema':
      return t(
        'There is no data model to look at. Attach a SQL file, a migration or your ORM models (select them or use #file), or describe the data you need to store.',
      );
    case 'design':
      return t('Tell me what to design, for example: /design REST API for managing projects. I can base it on attached code too.');
    case 'diagnose':
      return t('Describe what is slow or failing (the endpoint, what you measured) and attach the handler with #file or a selection.');
    default:
      return t('Ask me about your API or attach code (select it, or use #file). Try /review, /design, /schema, /security or /diagnose.');
  }
}
