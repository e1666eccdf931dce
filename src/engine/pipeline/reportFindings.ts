import { type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
import { groundFindings } from '../../core/findings/groundFindings';
import { type Finding, parseFindings, type ParsedFindings } from '../../core/findings/parseFindings';
import { withFixOffer } from '../../core/findings/quickFix';
import { numberFindings, renderFindings } from '../../core/findings/renderFindings';
import { type ShownLines } from '../../core/findings/shownLines';
import { type SentPiece } from '../../core/request/plan';
import { type FindingsScope } from '../../core/sources/contextSource';
import { type UriTable } from '../context/uriTable';
import { withoutIgnored } from '../findings/applyIgnores';
import { snapshotFindings } from '../../common/findings/findingLines';
import { type FindingsDiagnostics } from '../../activation/findings/findingsDiagnostics';
import { type IgnoreStore } from '../findings/ignoreStore';
import { readShownCode } from '../findings/readShownCode';
import { t } from '../../common/l10n';

export interface FindingsReport {
  readonly placed: number;
  readonly ignored: number;
  readonly markdown: string;
  /** Findings left out for being outside the plan's findings scope (a review of changes: not near a changed line). */
  readonly outsideScope: number;
  /** Findings left out as not grounded: on code the model was not shown, or evidence not in it. */
  readonly ungrounded: number;
  readonly moved: number;
  /** The findings shown, in the list's numbered order, for a sink that wants them as data. */
  readonly shown: readonly Finding[];
  readonly dropped: number;
  readonly blockFound: boolean;
}

/**
 * The findings phase: the held-back block becomes diagnostics and a short numbered list, less what a
 * review of changes leaves out (not on or near a changed line), what is not grounded (not on code the
 * model was shown, or evidence the shown code does not hold) and what the team ignored. A block cut off
 * by the end of the stream may be a truncated array: nothing of it applies.
 */
export async function reportFindings(
  end: FilteredAnswerEnd,
  sent: readonly SentPiece[],
  shownLines: ShownLines,
  uris: UriTable,
  findings: FindingsDiagnostics,
  ignores: IgnoreStore,
  scope?: FindingsScope,
): Promise<FindingsReport> {
  const parsed: ParsedFindings = end.findingsBlockClosed
    ? parseFindings(end.findingsBlock, sent, t)
    : { blockFound: false, findings: [], dropped: [t('the findings block was cut off')], unshown: 0 };
  // A source may bound where findings are about (a review of changes: on or near a changed line, as the model cited it).
  const inScope = scope
    ? parsed.findings.filter((finding) => scope.touches(finding.piece.matchPath, finding.line, finding.endLine))
    : parsed.findings;
  const split = { kept: inScope, outside: parsed.findings.length - inScope.length };
  const grounding = groundFindings(split.kept, shownLines, await readShownCode(split.kept, uris));
  const ungrounded = parsed.unshown + grounding.ungrounded;
  // The lines are read once, now: the ignores match on them and the quick fix compares against them.
  const grounded = grounding.grounded.map((finding) => withFixOffer(finding, t));
  const snapshots = await snapshotFindings(grounded, uris);
  const kept = await withoutIgnored(grounded, snapshots, ignores);
  const shown: ParsedFindings = { ...parsed, findings: kept.findings };
  const placed = findings.apply(shown, shownLines, uris, snapshots);
  const list = renderFindings(shown, t);
  const parts = [
    ...(list === '' ? [] : [`\n\n${list}\n`]),
    ...(ungrounded > 0 ? [`\n\n_${ungroundedNote(ungrounded)}_\n`] : []),
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
    ungrounded,
    moved: grounding.moved,
    shown: numberFindings(kept.findings),
    dropped: parsed.dropped.length,
    blockFound: parsed.blockFound,
  };
}

function ungroundedNote(count: number): string {
  return count === 1
    ? t('1 finding did not match the code and was left out.')
    : t('{0} findings did not match the code and were left out.', count);
}
