import { type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
import { type ChangedLines, keepFindingsOnChanges } from '../../core/changes/changedLines';
import { parseFindings } from '../../core/findings/parseFindings';
import { renderFindings } from '../../core/findings/renderFindings';
import { type SentPiece } from '../../core/request/plan';
import { type UriTable } from '../context/uriTable';
import { type FindingsDiagnostics } from '../findings/findingsDiagnostics';
import { t } from '../l10n';

/**
 * The findings phase: the held-back block becomes diagnostics and a short table. A block cut off by
 * the end of the stream may be a truncated array: nothing of it applies.
 */
export function reportFindings(
  end: FilteredAnswerEnd,
  sent: readonly SentPiece[],
  uris: UriTable,
  findings: FindingsDiagnostics,
  onChanges?: ChangedLines,
): { readonly placed: number; readonly markdown: string; readonly outsideChanges: number } {
  const all = end.findingsBlockClosed
    ? parseFindings(end.findingsBlock, sent, t)
    : { blockFound: false, findings: [], dropped: [t('the findings block was cut off')] };
  // A review of changes keeps only what is on or near a changed line.
  const split = onChanges ? keepFindingsOnChanges(all.findings, onChanges) : { kept: all.findings, outside: 0 };
  const parsed = { ...all, findings: split.kept };
  const placed = findings.apply(parsed, sent, uris);
  const table = renderFindings(parsed, t);
  const parts = [
    ...(table === '' ? [] : [`\n\n${table}\n`]),
    ...(split.outside > 0
      ? [`\n\n_${t('{0} other findings were left out: they are not on or near a changed line.', split.outside)}_\n`]
      : []),
    ...(end.findingsBlock === undefined
      ? [`\n\n_${t('The answer had no findings block, so the Problems panel was left as it was.')}_\n`]
      : []),
  ];
  return { placed, markdown: parts.join(''), outsideChanges: split.outside };
}
