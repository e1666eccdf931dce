import * as vscode from 'vscode';
import { type IntentSpec } from '../../core/intents/intentTable';
import { sourceFor } from '../../core/sources/sourceFor';
import { withinDeadline } from '../../core/withinDeadline';
import { t } from '../../common/l10n';
import { gatherRelated, type RelatedTarget } from '../related/gatherRelated';
import { readSettings } from '../../common/settings';
import { type AnswerSink } from './answerSink';
import { type GatheredContext } from './requestPipeline';

/** Related code is gathered within this long after the request arrives; then the request goes with what was found. */
export const RELATED_DEADLINE_MS = 1500;

export interface RelatedRequest {
  readonly spec: IntentSpec;
  readonly token: vscode.CancellationToken;
  /** `Date.now()` when the request arrived: the deadline counts from there. */
  readonly arrivedAt: number;
  readonly sink: AnswerSink;
  readonly log: vscode.LogOutputChannel;
}

/**
 * Adds the related code of what the gather phase put under review, as one more source. Not for a
 * command that reviews no code, with `architect.context.related` off, or in Restricted Mode; bounded by
 * the deadline and the request's cancellation whatever the gatherer does.
 */
export async function withRelatedCode(gathered: GatheredContext, request: RelatedRequest): Promise<GatheredContext> {
  if (!request.spec.relatedCode || !vscode.workspace.isTrusted || !readSettings(gathered.scope).contextRelated) return gathered;
  const attached = new Map(
    gathered.context.flatMap((input) => (input.kind === 'attachments' ? input.sources.map((source) => [source.key, source] as const) : [])),
  );
  const targets = gathered.context.flatMap((input) =>
    sourceFor(input)
      .underReview()
      .flatMap((target): RelatedTarget[] => {
        const uri = gathered.uris.get(target.key);
        if (!uri) return [];
        // An attachment was read by the gather phase through the gate: the gatherer does not read it again.
        const source = attached.get(target.key);
        const read =
          source?.content.kind === 'text' ? { label: source.label, matchPath: source.matchPath, text: source.content.text } : undefined;
        return [{ uri, ranges: target.ranges, ...(read ? { read } : {}) }];
      }),
  );
  const deadlineMs = RELATED_DEADLINE_MS - (Date.now() - request.arrivedAt);
  if (targets.length === 0 || deadlineMs <= 0 || request.token.isCancellationRequested) return gathered;
  request.sink.progress(t('Reading related code…'));
  // A gatherer that throws, even before its first await, ends as no related code.
  const gathering = Promise.resolve().then(() => gatherRelated(targets, { token: request.token, deadlineMs }));
  const found = await withinDeadline(gathering, deadlineMs, request.token);
  if (found === undefined) {
    request.log.debug(`related code: none in time (${deadlineMs} ms)`);
    return gathered;
  }
  request.log.debug(
    `related code: ${found.candidates.length} candidates via ${found.stats.via} in ${Math.round(found.stats.ms)} ms, ${found.stats.refused} refused (${found.stats.detail})`,
  );
  if (found.candidates.length === 0 || request.token.isCancellationRequested) return gathered;
  for (const [key, uri] of found.uris) gathered.uris.rememberAs(key, uri);
  return { ...gathered, context: [...gathered.context, { kind: 'related', candidates: found.candidates }] };
}
