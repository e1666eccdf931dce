import * as vscode from 'vscode';
import { AnswerStreamFilter, type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
import { sanitizeLine } from '../../core/answer/sanitizeMarkdown';
import { asChatCommand, producesFindings } from '../../core/commands';
import { classifyError, emptyAnswerMessage, errorMessage } from '../../core/errors/classifyError';
import { parseFindings } from '../../core/findings/parseFindings';
import { renderFindings } from '../../core/findings/renderFindings';
import { followupsFor } from '../../core/followups';
import { type HistoryTurn, type SentPiece } from '../../core/request/buildRequest';
import { SAVE_DESIGN_DOC_COMMAND } from '../commands/designDocCommands';
import { gatherChatContext } from '../context/gatherContext';
import { type FindingsDiagnostics } from '../findings/findingsDiagnostics';
import { t } from '../l10n';
import { errorFacts, modelId, modelLabel, supportsToolCalling } from '../model/languageModel';
import { prepareRequest } from '../model/prepareRequest';
import { RequestRecord } from '../model/requestRecord';
import { type PersonaStore } from '../personas/personaStore';
import { protectionFor, readSettings } from '../settings';
import { toolDefinitions, toolsApply } from '../tools/workspaceTools';
import { answerWithTools } from './answerWithTools';

export const PARTICIPANT_ID = 'architect.chat';

export interface ParticipantDeps {
  readonly log: vscode.LogOutputChannel;
  readonly personas: PersonaStore;
  readonly findings: FindingsDiagnostics;
}

export function registerParticipant(context: vscode.ExtensionContext, deps: ParticipantDeps): void {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, chatContext, stream, token) =>
    answer(request, chatContext, stream, token, deps).catch((error: unknown): vscode.ChatResult => {
      // A bug of ours, not a model error: say so plainly, keep the details in the log.
      deps.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const reason = error instanceof Error ? error.message : String(error);
      return { errorDetails: { message: t('Architect could not answer: {0}. See the Architect log for details.', reason) } };
    }),
  );
  participant.iconPath = new vscode.ThemeIcon('server-process');
  participant.followupProvider = {
    provideFollowups(result) {
      const command = asChatCommand(typeof result.metadata?.['command'] === 'string' ? result.metadata['command'] : undefined);
      if (result.errorDetails || result.metadata?.['outcome'] !== 'ok') return [];
      return followupsFor(command, t).map((item) => ({
        prompt: item.prompt,
        label: item.label,
        ...(item.command ? { command: item.command } : {}),
      }));
    },
  };
  context.subscriptions.push(participant);
}

/**
 * One `@architect` request, end to end (DESIGN.md, steps 1–9). All state is local: the chat can run two
 * handlers at once (RELIABILITY R22).
 */
async function answer(
  request: vscode.ChatRequest,
  chatContext: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
  deps: ParticipantDeps,
): Promise<vscode.ChatResult> {
  const command = asChatCommand(request.command);
  const model = request.model;
  const record = new RequestRecord({
    command: command ? `/${command}` : 'chat',
    model: modelId(model),
    maxInputTokens: model.maxInputTokens,
  });
  stream.progress(t('Reading the attached code…'));

  // The attached code and the persona's freshness check are both file-system round trips: at once.
  const scope = scopeOf(request.references);
  const [sources, active] = await Promise.all([gatherChatContext(request.references), deps.personas.active(scope)]);
  const settings = readSettings(scope);
  const prepared = await prepareRequest(
    {
      command,
      question: request.prompt,
      persona: active.persona,
      sources,
      history: historyOf(chatContext),
      ...protectionFor(sources.flatMap((source) => (source.uri === undefined ? [] : [vscode.Uri.parse(source.uri)]))),
    },
    model,
    token,
  );
  const plan = prepared.plan;
  record.contextBuilt();

  const metadata: Record<string, unknown> = {
    command: command ?? null,
    persona: active.persona.id,
    ...(active.warning ? { personaWarning: active.warning } : {}),
    model: modelId(model),
    findings: 0,
    redactions: plan.redactions,
    skipped: plan.skipped.length,
    trimmed: plan.trimmed,
    estimatedTokens: plan.estimatedTokens,
    countTokensCalls: prepared.countCalls,
    // The one-line notes shown at the top of the answer, for whoever reads the result.
    notes: plan.notes,
    outcome: 'ok',
  };
  const finish = (result: vscode.ChatResult, outcome: string): vscode.ChatResult => {
    metadata['outcome'] = outcome;
    deps.log.info(record.line(prepared, active.persona.id, outcome, producesFindings(command) ? Number(metadata['findings']) : undefined));
    return { ...result, metadata };
  };

  const head = [active.warning ? `⚠️ ${active.warning}` : undefined, ...plan.notes].filter((line): line is string => line !== undefined);
  if (head.length > 0) stream.markdown(head.map((line) => `> ${sanitizeLine(line)}`).join('\n>\n') + '\n\n');
  for (const piece of plan.sent) referencePiece(stream, piece);

  if (plan.answerWithoutModel !== undefined) {
    stream.markdown(plan.answerWithoutModel);
    return finish({}, 'answered-without-model');
  }
  if (plan.tooLarge !== undefined) return finish({ errorDetails: { message: plan.tooLarge } }, 'too-large');
  if (token.isCancellationRequested) return finish({}, 'cancelled');

  const filter = new AnswerStreamFilter();
  let visible = '';
  const toolSent: SentPiece[] = [];
  const useTools = toolsApply(command, settings) && supportsToolCalling(model);
  try {
    const loop = await answerWithTools({
      model,
      messages: plan.messages,
      tools: useTools ? toolDefinitions() : [],
      maxRounds: settings.toolsMaxRounds,
      budgetTokens: plan.budgetTokens,
      estimatedTokens: plan.estimatedTokens,
      justification: t('Architect reviews and designs APIs with this model.'),
      token,
      onRequestSent: () => record.requestSent(),
      onText: (chunk) => {
        record.chunk();
        const out = filter.push(chunk);
        if (out !== '') {
          stream.markdown(out);
          visible += out;
        }
      },
      onToolRun: (run) => {
        stream.progress(run.progress);
        if (run.reference) stream.reference(run.reference);
      },
    });
    toolSent.push(...loop.sent);
    metadata['toolRounds'] = loop.toolRounds;
    metadata['toolCalls'] = loop.toolCalls;
    metadata['redactions'] = plan.redactions + loop.redactions;
  } catch (error) {
    const facts = errorFacts(error, token);
    const kind = classifyError(facts);
    const message = errorMessage(kind, modelLabel(model), facts.message, t);
    if (message === undefined) return finish({}, 'cancelled');
    deps.log.warn(`request #${record.id}: ${kind}: ${facts.code ?? facts.name ?? ''} ${(facts.message ?? '').split('\n')[0]}`);
    // What arrived stays in the chat; the error follows it (RELIABILITY R19).
    const end = filter.end();
    if (end.rest !== '') stream.markdown(end.rest);
    return finish({ errorDetails: { message } }, kind);
  }

  const end = filter.end();
  if (end.rest !== '') {
    stream.markdown(end.rest);
    visible += end.rest;
  }
  // A provider that stops on cancellation ends the stream normally: never treat that as an answer.
  if (token.isCancellationRequested) return finish({}, 'cancelled');
  if (visible.trim() === '' && end.findingsBlock === undefined) {
    return finish({ errorDetails: { message: emptyAnswerMessage(modelLabel(model), t) } }, 'empty');
  }

  if (producesFindings(command)) metadata['findings'] = reportFindings(end, [...plan.sent, ...toolSent], stream, deps.findings);
  if (command === 'design' && visible.trim() !== '') {
    stream.button({
      command: SAVE_DESIGN_DOC_COMMAND,
      title: t('Save as design doc'),
      arguments: [{ description: request.prompt, text: visible.trim() + '\n' }],
    });
  }
  return finish({}, 'ok');
}

/**
 * The findings block as a table in the chat and as diagnostics (DESIGN.md step 7); returns how many
 * were placed. A block cut off by the end of the stream may be a truncated array: nothing of it applies.
 */
function reportFindings(
  end: FilteredAnswerEnd,
  sent: readonly SentPiece[],
  stream: vscode.ChatResponseStream,
  findings: FindingsDiagnostics,
): number {
  const parsed = end.findingsBlockClosed
    ? parseFindings(end.findingsBlock, sent, t)
    : { blockFound: false, findings: [], dropped: [t('the findings block was cut off')] };
  const placed = findings.apply(parsed, sent);
  const table = renderFindings(parsed, t);
  if (table !== '') stream.markdown(`\n\n${table}\n`);
  if (end.findingsBlock === undefined)
    stream.markdown(`\n\n_${t('The answer had no findings block, so the Problems panel was left as it was.')}_\n`);
  return placed;
}

/** The resource whose settings apply: the first attached file, else the active editor's. */
function scopeOf(references: readonly vscode.ChatPromptReference[]): vscode.Uri | undefined {
  for (const reference of references) {
    if (reference.value instanceof vscode.Uri) return reference.value;
    if (reference.value instanceof vscode.Location) return reference.value.uri;
  }
  return vscode.window.activeTextEditor?.document.uri;
}

function referencePiece(stream: vscode.ChatResponseStream, piece: SentPiece): void {
  if (piece.uri === undefined) return;
  const uri = vscode.Uri.parse(piece.uri);
  if (piece.complete) stream.reference(uri);
  else stream.reference(new vscode.Location(uri, new vscode.Range(piece.startLine - 1, 0, piece.endLine - 1, 0)));
}

/** Earlier `@architect` turns as plain text pairs, oldest first. */
function historyOf(chatContext: vscode.ChatContext): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  let pending: string | undefined;
  for (const turn of chatContext.history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      pending = (turn.command ? `/${turn.command} ` : '') + turn.prompt;
    } else if (turn instanceof vscode.ChatResponseTurn && pending !== undefined) {
      const text = turn.response
        .map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : ''))
        .join('')
        .trim();
      if (text !== '') turns.push({ request: pending, response: text });
      pending = undefined;
    }
  }
  return turns;
}
