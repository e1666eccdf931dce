import { type AttachedSource } from '../context/attachment';
import { languageForPath } from '../context/languages';
import { type CodeWindow } from '../context/window';
import { type Translate } from '../i18n';
import { inertName } from '../protect/inertName';
import { renderPiece, type RenderedPiece } from '../prompt/renderPiece';
import { type SecretRange } from '../redact/findSecrets';
import { type RelatedCandidate } from '../related/relatedCode';

/** Why a piece was sent, in the words the model and the log read: "definition of findOrders, used at src/routes/orders.ts:14". */
export function relatedReasonText(candidate: RelatedCandidate, t: Translate): string {
  const symbol = inertName(candidate.symbol);
  const usedAt = candidate.usedAt === undefined ? undefined : inertName(candidate.usedAt);
  switch (candidate.reason) {
    case 'definition':
      return usedAt === undefined ? t('definition of {0}', symbol) : t('definition of {0}, used at {1}', symbol, usedAt);
    case 'type':
      return usedAt === undefined ? t('type {0}', symbol) : t('type {0}, used at {1}', symbol, usedAt);
    case 'caller':
      return usedAt === undefined ? t('caller of the code under review') : t('caller of {0}', usedAt);
  }
}

/** The candidate as the renderer's plain data: its file, with no focus (nothing in it was selected). */
export function relatedAsSource(candidate: RelatedCandidate): AttachedSource {
  return {
    key: candidate.key,
    uri: candidate.key,
    label: candidate.label,
    matchPath: candidate.matchPath,
    languageId: languageForPath(candidate.label),
    content: { kind: 'text', text: candidate.text },
  };
}

/**
 * A piece of related code as the model sees it: labelled as context that is not under review, with its
 * path, symbol and why it was sent, then the numbered lines in the same unclosable fence as attachments.
 */
export function renderRelated(
  candidate: RelatedCandidate,
  window: CodeWindow,
  secrets: readonly SecretRange[],
  t: Translate,
): RenderedPiece {
  const heading = [
    t('Related code (not under review, shown for context): {0}', inertName(candidate.label)),
    t('Symbol: {0}', inertName(candidate.symbol)),
    t('Why it is here: {0}', relatedReasonText(candidate, t)),
  ];
  return renderPiece(relatedAsSource(candidate), window, secrets, t, heading);
}
