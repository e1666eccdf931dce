import { type CodeWindow } from '../context/window';
import { groupDigits, type Translate } from '../i18n';
import { describeHiddenCharacter, type HiddenCharacterReport, type RenderedPiece } from '../prompt/renderPiece';
import { type TextSource } from './screenSources';

export interface CodeReport {
  readonly notes: readonly string[];
  readonly trimmed: readonly string[];
}

/** What a person should know of the code as sent: what was cut, which lines were shortened, what looks hidden. */
export function reportCode(
  usable: readonly TextSource[],
  windows: readonly CodeWindow[],
  rendered: readonly RenderedPiece[],
  t: Translate,
): CodeReport {
  const notes: string[] = [];
  const trimmed: string[] = [];
  usable.forEach((source, index) => {
    const window = windows[index] as CodeWindow;
    const piece = rendered[index] as RenderedPiece;
    const cut = windowNote(source.label, window, t);
    if (cut) {
      trimmed.push(cut.trimmed);
      notes.push(cut.note);
    }
    for (const line of piece.partialLines) {
      notes.push(
        t(
          '{0} line {1} is very long (minified?): sent characters {2}–{3} of {4}.',
          source.label,
          line.line,
          groupDigits(line.from),
          groupDigits(line.to),
          groupDigits(line.length),
        ),
      );
    }
    if (piece.hidden.length > 0) notes.push(hiddenCharactersNote(source.label, piece.hidden, t));
  });
  return { notes, trimmed };
}

function windowNote(label: string, window: CodeWindow, t: Translate): { trimmed: string; note: string } | undefined {
  if (window.lines.length === 0) {
    return {
      trimmed: t('{0} (all of it)', label),
      note: t("{0} was left out: not even its first line fits the model's input limit.", label),
    };
  }
  if (window.complete) return undefined;
  const what = t('{0} lines {1}–{2} of {3}', label, window.startLine, window.endLine, groupDigits(window.totalLines));
  const note = window.selectionCut
    ? t("Sent {0}: the selection is larger than the model's input limit allows.", what)
    : t("Sent {0}, to fit the model's input limit.", what);
  return { trimmed: what, note };
}

export function hiddenCharactersNote(label: string, hidden: readonly HiddenCharacterReport[], t: Translate): string {
  const shown = hidden.slice(0, 5).map((report) => t('line {0} ({1})', report.line, describeHiddenCharacter(report)));
  const more = hidden.length > 5 ? t(' and {0} more', hidden.length - 5) : '';
  return t(
    '⚠️ Suspicious invisible characters in {0}: {1}{2}. They can make code read differently from what it does; the model saw them as ⟦U+…⟧ markers.',
    label,
    shown.join(', '),
    more,
  );
}

export function redactionNote(redactions: number, t: Translate): string[] {
  if (redactions === 0) return [];
  return [
    redactions === 1
      ? t('1 secret was replaced by a placeholder before sending.')
      : t('{0} secrets were replaced by placeholders before sending.', redactions),
  ];
}
