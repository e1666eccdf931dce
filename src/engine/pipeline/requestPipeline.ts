import type * as vscode from 'vscode';
import { AnswerStreamFilter, type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
import { TokenLedger } from '../../core/budget/budgetPolicy';
import { type IntentSpec } from '../../core/intents/intentTable';
import { classifyError, emptyAnswerMessage, errorMessage } from '../../core/errors/classifyError';
import { type ActivePersona } from '../../core/persona/resolvePersonas';
import { type HistoryTurn, type RequestPlan, type SentPiece } from '../../core/request/plan';
import { unionShown } from '../../core/findings/shownLines';
import { type ContextInput, shownFromSent } from '../../core/sources/contextSource';
import { resultMetadata, type Outcome, type ResultMetadata } from '../../core/result/resultMetadata';
import { type UriTable } from '../context/uriTable';
import { type FindingsDiagnostics } from '../../activation/findings/findingsDiagnostics';
import { readInstructions } from '../instructions/gatherInstructions';
import { type IgnoreStore } from '../findings/ignoreStore';
import { t } from '../../common/l10n';
import { errorFacts, modelId, modelLabel } from '../model/languageModel';
import { protectionFor, readSettings } from '../../common/settings';
import { logUnusableExclusion } from '../protect/logUnusableExclusion';
import { type AnswerSink } from './answerSink';
import { answerWithTools, type AnswerLoopResult } from './answerWithTools';
import { reportFindings } from './reportFindings';
import { prepareRequest, type PreparedRequest } from './prepareRequest';
import { RequestRecord } from './requestRecord';
import { withRelatedCode } from './relatedContext';
import { toolsFor } from './toolsFor';

/** What the gather phase found: the context sources as plain data, their resources, and the resource whose settings apply. */
export interface GatheredContext {
  readonly context: readonly ContextInput[];
  readonly uris: UriTable;
  readonly scope: vscode.Uri | undefined;
  /** The question, when the gatherer read it out of the prompt (what follows `/changes staged`, say). */
  readonly question?: string;
}

/** One request from any entry point: they differ only in how they gather context and where the answer goes. */
export interface PipelineRequest {
  readonly spec: IntentSpec;
  readonly question: string;
  readonly history: readonly HistoryTurn[];
  readonly model: vscode.LanguageModelChat;
  readonly token: vscode.CancellationToken;
  readonly justification: string;
  readonly gather: () => Promise<GatheredContext>;
  /** Runs beside the gather phase: both are file-system round trips. */
  readonly persona: () => Promise<ActivePersona>;
  /** Instruction files the chat attached; the pipeline reads the workspace's others itself. */
  readonly attachedInstructions?: readonly vscode.Uri[];
}

export interface PipelineDeps {
  readonly log: vscode.LogOutputChannel;
  readonly findings: FindingsDiagnostics;
  /** The team's ignored findings, dropped in the findings phase. */
  readonly ignores: IgnoreStore;
}

export interface PipelineResult {
  readonly metadata: ResultMetadata;
  /** A message a person can act on, when the request failed. */
  readonly error?: string;
  /** The answer as shown, without the findings block. */
  readonly answer: string;
  /** Sources that were not sent, and why. */
  readonly skipped: RequestPlan['skipped'];
}

/** The state one request builds up on its way through the phases; local to it (two can run at once). */
interface Run {
  readonly request: PipelineRequest;
  readonly sink: AnswerSink;
  readonly deps: PipelineDeps;
  readonly record: RequestRecord;
  readonly context: GatheredContext;
  readonly active: ActivePersona;
  readonly prepared: PreparedRequest;
  answer: string;
  findings: number;
  /** Findings left out for being outside the plan's findings scope (a review of changes: not near a changed line). */
  outsideScope: number;
  ignored: number;
  /** Findings left out as not grounded in the code the model was shown. */
  ungrounded: number;
  loop?: AnswerLoopResult;
  announced: boolean;
}

/** gather → protect → budget → send → filter the stream → findings → record. */
export async function runPipeline(request: PipelineRequest, sink: AnswerSink, deps: PipelineDeps): Promise<PipelineResult> {
  const record = new RequestRecord({
    command: request.spec.logName,
    model: modelId(request.model),
    maxInputTokens: request.model.maxInputTokens,
  });
  const arrivedAt = Date.now();
  sink.progress(t('Reading the attached code…'));
  // Related code is looked up while the persona and the instruction files are read.
  const related = { spec: request.spec, token: request.token, arrivedAt, sink, log: deps.log };
  const [context, active, instructionFiles] = await Promise.all([
    request.gather().then((gathered) => withRelatedCode(gathered, related)),
    request.persona(),
    readInstructions(request.attachedInstructions ?? []),
  ]);
  const input = {
    command: request.spec.id,
    question: context.question ?? request.question,
    persona: active.persona,
    context: context.context,
    history: request.history,
    instructionFiles,
  };
  const protection = protectionFor(context.uris.all());
  logUnusableExclusion(protection.exclude, deps.log);
  const prepared = await prepareRequest({ ...input, ...protection }, request.model, request.token);
  record.contextBuilt();
  if (prepared.plan.instructions.length > 0) deps.log.debug(`instruction files sent: ${prepared.plan.instructions.join(', ')}`);
  const run: Run = {
    request,
    sink,
    deps,
    record,
    context,
    active,
    prepared,
    answer: '',
    findings: 0,
    outsideScope: 0,
    ignored: 0,
    ungrounded: 0,
    announced: false,
  };
  const plan = prepared.plan;
  if (plan.answerWithoutModel !== undefined) {
    announce(run);
    sink.text(plan.answerWithoutModel);
    return finish(run, 'answered-without-model');
  }
  if (plan.tooLarge !== undefined) return finish(run, 'too-large', plan.tooLarge);
  if (request.token.isCancellationRequested) return finish(run, 'cancelled');
  await sink.beforeSend();
  return sendAndFilter(run);
}

async function sendAndFilter(run: Run): Promise<PipelineResult> {
  const { request, sink, record, prepared } = run;
  const filter = new AnswerStreamFilter();
  const show = (out: string) => {
    if (out === '') return;
    sink.text(out);
    run.answer += out;
  };
  try {
    run.loop = await answerWithTools({
      model: request.model,
      messages: prepared.plan.messages,
      ...toolsFor(request.spec, readSettings(run.context.scope), request.model),
      ledger: new TokenLedger(prepared.plan.budgetTokens, prepared.plan.estimatedTokens),
      justification: request.justification,
      token: request.token,
      onRequestSent: () => {
        record.requestSent();
        announce(run);
      },
      onText: (chunk) => {
        record.chunk();
        show(filter.push(chunk));
      },
      onToolRun: (run_) => {
        if (run_.reference) run.context.uris.remember('uri' in run_.reference ? run_.reference.uri : run_.reference);
        sink.toolRun(run_);
      },
    });
  } catch (error) {
    // What arrived stays; the error follows it (RELIABILITY R19).
    show(filter.end().rest);
    return failure(run, error);
  }
  const end = filter.end();
  show(end.rest);
  return afterAnswer(run, end);
}

function failure(run: Run, error: unknown): Promise<PipelineResult> {
  const facts = errorFacts(error, run.request.token);
  const kind = classifyError(facts);
  const message = errorMessage(kind, modelLabel(run.request.model), facts.message, t);
  if (message === undefined) return finish(run, 'cancelled');
  run.deps.log.warn(`request #${run.record.id}: ${kind}: ${facts.code ?? facts.name ?? ''} ${(facts.message ?? '').split('\n')[0]}`);
  return finish(run, kind, message);
}

async function afterAnswer(run: Run, end: FilteredAnswerEnd): Promise<PipelineResult> {
  // A provider that stops on cancellation ends the stream normally: never treat that as an answer.
  if (run.request.token.isCancellationRequested) return finish(run, 'cancelled');
  if (run.answer.trim() === '' && end.findingsBlock === undefined) {
    return finish(run, 'empty', emptyAnswerMessage(modelLabel(run.request.model), t));
  }
  if (run.request.spec.findings) {
    const plan = run.prepared.plan;
    const sent = [...plan.sent, ...(run.loop?.sent ?? [])];
    // What a tool read during the answer was shown too.
    const shown = unionShown([plan.shown, shownFromSent(run.loop?.sent ?? [])]);
    const report = await reportFindings(end, sent, shown, run.context.uris, run.deps.findings, run.deps.ignores, plan.findingsScope);
    run.findings = report.placed;
    run.outsideScope = report.outsideScope;
    run.ignored = report.ignored;
    run.ungrounded = report.ungrounded;
    if (report.ungrounded + report.moved > 0)
      run.deps.log.debug(
        `request #${run.record.id}: findings not grounded: ${report.ungrounded}, moved to their evidence: ${report.moved}`,
      );
    if (report.markdown !== '') run.sink.findings(report.markdown);
    run.sink.findingsData?.(report);
  }
  return finish(run, 'ok');
}

/** The record phase: one log line, the metadata built once. */
async function finish(run: Run, outcome: Outcome, error?: string): Promise<PipelineResult> {
  announce(run);
  await run.sink.flush();
  const { request, prepared, active } = run;
  const plan = prepared.plan;
  const findings = request.spec.findings ? run.findings : undefined;
  const reason = outcome === 'answered-without-model' ? noModelReason(run.context) : undefined;
  run.deps.log.info(run.record.line(prepared, active.persona.id, outcome, findings, reason));
  const metadata = resultMetadata({
    spec: request.spec,
    persona: active.persona.id,
    ...(active.warning ? { personaWarning: active.warning } : {}),
    model: modelId(request.model),
    findings: run.findings,
    ...(request.spec.findings ? { ignored: run.ignored, ungrounded: run.ungrounded } : {}),
    redactions: plan.redactions + (run.loop?.redactions ?? 0),
    skipped: plan.skipped.length,
    instructions: plan.instructions,
    trimmed: plan.trimmed,
    estimatedTokens: plan.estimatedTokens,
    countTokensCalls: prepared.countCalls,
    notes: plan.notes,
    ...(run.loop ? { tools: { rounds: run.loop.toolRounds, calls: run.loop.toolCalls } } : {}),
    sources: plan.sourceMetadata,
    ...(plan.findingsScope ? { findingsOutsideChanges: run.outsideScope } : {}),
    ...(outcome === 'answered-without-model' && plan.answerWithoutModel !== undefined
      ? { answerWithoutModel: plan.answerWithoutModel }
      : {}),
    outcome,
  });
  return { metadata, answer: run.answer, skipped: plan.skipped, ...(error === undefined ? {} : { error }) };
}

/** Why a request needed no model, for its log line: what the gatherer said, else that nothing could be sent. */
function noModelReason(context: GatheredContext): string {
  const changes = context.context.find((input) => input.kind === 'changes');
  if (changes === undefined) return 'no-code-and-short-question';
  return changes.changes.unavailableReason ?? 'no-change-could-be-sent';
}

/**
 * The notes and references of the plan, said once: right after the model request went out (so that
 * nothing the chat must render first delays the request), or at the end when no request went out.
 * Either way they come before any text of the answer.
 */
function announce(run: Run): void {
  if (run.announced) return;
  run.announced = true;
  const plan = run.prepared.plan;
  run.sink.notes([...(run.active.warning ? [`⚠️ ${run.active.warning}`] : []), ...plan.notes]);
  for (const piece of plan.sent) referenceOf(run, piece);
}

function referenceOf(run: Run, piece: SentPiece): void {
  const uri = run.context.uris.get(piece.uri);
  if (uri) run.sink.reference(piece, uri);
}
