import { type FilteredAnswerEnd } from '../../core/answer/answerStreamFilter';
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
): { readonly placed: number; readonly markdown: string } {
  const parsed = end.findingsBlockClosed
    ? parseFindings(end.findingsBlock, sent, t)
    : { blockFound: false, findings: [], dropped: [t('the findings block was cut off')] };
  const placed = findings.apply(parsed, sent, uris);
  const table = renderFindings(parsed, t);
  const parts = [
    ...(table === '' ? [] : [`\n\n${table}\n`]),
    ...(end.findingsBlock === undefined
      ? [`\n\n_${t('The answer had no findings block, so the Problems panel was left as it was.')}_\n`]
      : []),
  ];
  return { placed, markdown: parts.join('') };
}
