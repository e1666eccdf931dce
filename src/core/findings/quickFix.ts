import { codePointLabel, revealHiddenCharacters } from '../context/hiddenChars';
import { english, type Translate } from '../i18n';
import { inertName } from '../protect/inertName';
import { type Finding } from './parseFindings';
import { isShown, linesOf } from './shownLines';

/**
 * The quick fix a finding's replacement makes, decided in the engine when the finding is reported and
 * carried as plain data: the activation side only turns it into a code action.
 */
export interface FixOffer {
  readonly title: string;
  /** The exact text that replaces lines `line..endLine`, as the model gave it. */
  readonly text: string;
  /**
   * Set when the replacement holds hidden characters (bidirectional controls, zero-width, …): the edit is
   * shown in a preview the person must confirm, never applied at one click or as the preferred fix.
   */
  readonly confirm: boolean;
  /** What the preview says about the edit: the hidden characters, as markers; empty without any. */
  readonly description: string;
}

/**
 * The finding with its quick fix, when its replacement may be offered (RELIABILITY R45). Never when a line
 * it replaces was not shown to the model in the answer that made the finding: it would overwrite code
 * the model never saw (a `/changes` finding across two hunks replaces everything between them). Hidden
 * characters in the replacement are named in the title, and the edit goes through a preview.
 */
export function withFixOffer(finding: Finding, t: Translate = english): Finding {
  const { quickFix: _, ...rest } = finding;
  const offer = fixOffer(rest, t);
  return offer === undefined ? rest : { ...rest, quickFix: offer };
}

function fixOffer(finding: Finding, t: Translate): FixOffer | undefined {
  if (finding.replacement === undefined || finding.shown === undefined) return undefined;
  // The model saw a placeholder where a secret is: a fix that writes the placeholder back would replace the secret.
  if (finding.replacement.includes('[REDACTED:')) return undefined;
  const key = finding.piece.key;
  if (!isShown(new Map([[key, finding.shown]]), key, linesOf(finding))) return undefined;
  const found = revealHiddenCharacters(finding.replacement).found;
  const hidden = markers([...new Set(found.map((character) => codePointLabel(character.codePoint)))]);
  const title = inertName(finding.title, 120);
  return {
    title:
      hidden === ''
        ? t('Apply Architect fix: {0}', title)
        : t('Apply Architect fix (hidden characters {0}, shown in a preview first): {1}', hidden, title),
    text: finding.replacement,
    confirm: hidden !== '',
    description: hidden === '' ? '' : t('hidden characters: {0}', hidden),
  };
}

/** `⟦U+202E⟧ ⟦U+200B⟧`: the markers the prompt and the rest of the product use for hidden characters. */
function markers(labels: readonly string[]): string {
  return labels.map((label) => `⟦${label}⟧`).join(' ');
}
