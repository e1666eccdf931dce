import * as vscode from 'vscode';
import { reviewToolInput, type ReviewToolInput } from '../../core/agent/reviewToolInput';
import { nameField } from '../../core/agent/quoteField';
import {
  failedReviewText,
  fitReviewResult,
  MAX_FILE,
  notSentName,
  nothingToReviewText,
  type ToolReview,
} from '../../core/agent/reviewToolResult';
import { reviewSubject } from '../../core/agent/reviewSubject';
import { INTENTS, type IntentSpec } from '../../core/intents/intentTable';
import { noModelMessage } from '../../core/errors/classifyError';
import { parseToolInput } from '../../core/tools/toolSchemas';
import { t } from '../../common/l10n';
import { chooseModel } from '../model/languageModel';
import { type PersonaStore } from '../../activation/personas/personaStore';
import { runPipeline, type PipelineDeps, type PipelineResult } from '../pipeline/requestPipeline';
import { readSettings } from '../../common/settings';
import { gatherForTool, targetScope, toolTarget, type ToolTarget } from './gatherForTool';
import { ToolSink } from './toolSink';
import { errorText } from '../context/errorText';

export interface ReviewToolDeps extends PipelineDeps {
  readonly personas: PersonaStore;
}

/** What VS Code hands a tool call, as far as the review needs it. */
export interface ReviewToolCall {
  readonly input: unknown;
  readonly token: vscode.CancellationToken;
  readonly tokenization?: vscode.LanguageModelToolTokenizationOptions;
}

/**
 * `architect_review`: the chat's pipeline with the agent's files or changes as context and a tool
 * result as sink. Every failure is a result the agent can read and relay, never a throw; nothing is
 * written (decision record "architect-review-tool").
 */
export async function architectReview(call: ReviewToolCall, deps: ReviewToolDeps): Promise<string> {
  try {
    return await review(call, deps);
  } catch (error) {
    deps.log.warn(`architect_review failed: ${error instanceof Error ? error.name : 'error'}`);
    return failedReviewText(errorText(error), t);
  }
}

async function review(call: ReviewToolCall, deps: ReviewToolDeps): Promise<string> {
  if (!vscode.workspace.isTrusted)
    return failedReviewText(
      t(
        'the workspace is in Restricted Mode. Trust it (Manage Workspace Trust) to let an agent call the review, or ask @architect in the chat.',
      ),
      t,
    );
  const parsed = parseToolInput(reviewToolInput, call.input);
  if (!parsed.ok) return failedReviewText(parsed.error, t);
  const target = await toolTarget(parsed.value);
  const early = beforeModel(target);
  if (early !== undefined) return early;
  const scope = targetScope(target);
  const active = await deps.personas.active(scope);
  const choice = await chooseModel(undefined, readSettings(scope).model, active.persona.models);
  if (choice.kind !== 'found') return failedReviewText(noModelMessage(t), t);
  if (call.token.isCancellationRequested) return cancelledText();
  const sink = new ToolSink();
  const result = await runPipeline(
    {
      spec: specFor(parsed.value),
      question: questionFor(parsed.value),
      history: [],
      model: choice.model,
      token: call.token,
      justification: t('Architect reviews the code an agent asked about with this model.'),
      gather: () => gatherForTool(target),
      persona: async () => active,
    },
    sink,
    deps,
  );
  deps.log.info(`architect_review: ${result.metadata.outcome}, ${result.metadata.findings} findings`);
  return resultText(result, sink, reviewSubject(call.input, t), target, call);
}

/** What is known to fail before a model is chosen: nothing named, or nothing named exists. */
function beforeModel(target: ToolTarget): string | undefined {
  if (target.kind === 'nothing')
    return nothingToReviewText(t('No paths were given, no editor is open and no changes were asked for: pass paths or changes.'), t);
  if (target.kind === 'files' && target.found.length === 0)
    return failedReviewText(t('not found in the workspace: {0}.', target.missing.map((path) => nameField(path, MAX_FILE)).join(', ')), t);
  return undefined;
}

function specFor(input: ReviewToolInput): IntentSpec {
  return input.changes !== undefined ? INTENTS.changes : INTENTS[input.focus ?? 'review'];
}

/** A review of changes has one task; another focus is asked for in the question. */
function questionFor(input: ReviewToolInput): string {
  const focus = input.changes !== undefined && input.focus !== undefined && input.focus !== 'review' ? `Focus: ${input.focus}. ` : '';
  return `${focus}${input.question ?? ''}`.trim();
}

function cancelledText(): string {
  return failedReviewText(t('the review was cancelled before it finished.'), t);
}

async function resultText(
  result: PipelineResult,
  sink: ToolSink,
  subject: string,
  target: ToolTarget,
  call: ReviewToolCall,
): Promise<string> {
  const metadata = result.metadata;
  const missing = target.kind === 'files' ? target.missing.map((label) => ({ label, reason: t('not found') })) : [];
  const notSent = [...result.skipped, ...missing];
  switch (metadata.outcome) {
    case 'ok':
      break;
    case 'answered-without-model': {
      const names = notSent.map(notSentName).join(', ');
      return nothingToReviewText(`${metadata.answerWithoutModel ?? ''}${names === '' ? '' : ` ${t('Not sent: {0}.', names)}`}`, t);
    }
    case 'cancelled':
      return cancelledText();
    default:
      return failedReviewText(result.error ?? metadata.outcome, t);
  }
  const collected = sink.collected();
  const review: ToolReview = {
    subject,
    findings: collected?.findings ?? [],
    findingsExpected: metadata.command !== null && specExpectsFindings(metadata.command),
    blockFound: collected?.report.blockFound ?? false,
    outsideChanges: collected?.report.outsideScope ?? 0,
    ignored: collected?.report.ignored ?? 0,
    dropped: collected?.report.dropped ?? 0,
    notSent,
    trimmed: metadata.trimmed,
  };
  return fitReviewResult(review, fitsBudget(call), t);
}

function specExpectsFindings(command: string): boolean {
  return Object.values(INTENTS).some((spec) => spec.slash === command && spec.findings);
}

/** The tool's budget when VS Code gives one, counted by VS Code; an estimate when counting fails. */
function fitsBudget(call: ReviewToolCall): (text: string) => Promise<boolean> {
  const options = call.tokenization;
  if (!options || !(options.tokenBudget > 0)) return async () => true;
  return async (text) => {
    const tokens = await Promise.resolve(options.countTokens(text, call.token)).catch(() => Math.ceil(text.length / 4));
    return tokens <= options.tokenBudget;
  };
}
