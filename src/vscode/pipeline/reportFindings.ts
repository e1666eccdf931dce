import { type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
import { type Finding, parseFindings, type ParsedFindings } from '../../core/findings/parseFindings';
import { numberFindings, renderFindings } from '../../core/findings/renderFindings';
import { type SentPiece } from '../../core/request/plan';
import { type FindingsScope } from '../../core/sources/contextSource';
import { type UriTable } from '../context/uriTable';
import { withoutIgnored } from '../findings/applyIgnores';
import { snapshotFindings } from '../findings/findingLines';
import { type FindingsDiagnostics } from '../findings/findingsDiagnostics';
import { type IgnoreStore } from '../findings/ignoreStore';
import { t } from '../l10n';

export interface FindingsReport {
  readonly placed: number;
  readonly ignored: number;
  readonly markdown: string;
  /** Findings left out for lying outside the request's scope (off the changed lines of a diff). */
  readonly outsideScope: number;
  /** The findings shown, in the table's numbered order, for a sink that wants them as data. */
  readonly shown: readonly Finding[];
  readonly dropped: number;
  readonly blockFound: boolean;
}

/**
 * The findings phase: the held-back block becomes diagnostics and a short numbered table, less the
 * findings the team ignored. A block cut off by the end of the stream may be a truncated array: nothing
 * of it applies.
 */
export async function reportFindings(
  end: FilteredAnswerEnd,
  sent: readonly SentPiece[],
  uris: UriTable,
  findings: FindingsDiagnostics,
  ignores: IgnoreStore,
  scope?: FindingsScope,
): Promise<FindingsReport> {
  const parsed: ParsedFindings = end.findingsBlockClosed
    ? parseFindings(end.findingsBlock, sent, t)
    : { blockFound: false, findings: [], dropped: [t('the findings block was cut off')] };
  // A source may bound where findings are about (a review of changes: on or near a changed line).
  const inScope = scope
    ? parsed.findings.filter((finding) => scope.touches(finding.piece.matchPath, finding.line, finding.endLine))
    : parsed.findings;
  const split = { kept: inScope, outside: parsed.findings.length - inScope.length };
  // The lines are read once, now: the ignores match on them and the quick fix compares against them.
  const snapshots = await snapshotFindings(split.kept, uris);
  const kept = await withoutIgnored(split.kept, snapshots, ignores);
  const shown: ParsedFindings = { ...parsed, findings: kept.findings };
  const placed = findings.apply(shown, sent, uris, snapshots);
  const table = renderFindings(shown, t);
  const parts = [
    ...(table === '' ? [] : [`\n\n${table}\n`]),
    ...(kept.note === undefined ? [] : [`\n\n_${kept.note}_\n`]),
    ...(scope && split.outside > 0 ? [`\n\n_${scope.outsideNote(split.outside, t)}_\n`] : []),
    ...(end.findingsBlock === undefined
      ? [`\n\n_${t('The answer had no findings block, so the Problems panel was left as it was.')}_\n`]
      : []),
  ];
  return {
    placed,
    ignored: kept.ignored,
    markdown: parts.join(''),
    outsideScope: split.outside,
    shown: numberFindings(kept.findings),
    dropped: parsed.dropped.length,
    blockFound: parsed.blockFound,
  };
}
