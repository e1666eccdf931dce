import { type AttachedSource } from '../context/attachment';
import { codePointLabel, revealHiddenCharacters } from '../context/hiddenChars';
import { linePrefixWidth, type CodeWindow } from '../context/window';
import { english, groupDigits, type Translate } from '../i18n';
import { type SecretRange } from '../redact/findSecrets';
import { fenced } from './fence';
import { inertName } from '../protect/inertName';

export interface HiddenCharacterReport {
  readonly line: number;
  readonly codePoint: number;
  readonly name: string;
}

export interface RenderedPiece {
  /** The whole user message for this piece: header, then the numbered code in a fence. */
  readonly text: string;
  readonly redactions: number;
  readonly hidden: readonly HiddenCharacterReport[];
  readonly partialLines: ReadonlyArray<{ readonly line: number; readonly from: number; readonly to: number; readonly length: number }>;
}

/**
 * Renders one attached piece as the model sees it: a labelled header, then each kept line prefixed with
 * its 1-based number in the file, secrets replaced by `[REDACTED:kind]`, hidden characters made visible,
 * inside a fence that no backtick run in the code can close. `heading` replaces the first header line
 * for pieces that are not attached code (related code says what it is and why it was sent).
 */
export function renderPiece(
  source: AttachedSource,
  window: CodeWindow,
  secrets: readonly SecretRange[],
  t: Translate = english,
  heading: readonly string[] = [t('Attached file: {0}', oneLine(source.label))],
): RenderedPiece {
  const text = source.content.kind === 'text' ? source.content.text : '';
  const width = linePrefixWidth(window.totalLines) - 3;
  const hidden: HiddenCharacterReport[] = [];
  const partialLines: Array<{ line: number; from: number; to: number; length: number }> = [];
  const redactor = windowRedactor(text, secrets);
  const body: string[] = [];
  for (const kept of window.lines) {
    const revealed = revealHiddenCharacters(redactor.line(kept));
    for (const found of revealed.found) hidden.push({ line: kept.line, ...found });
    let shown = revealed.text;
    if (kept.partial) {
      const lineStart = window.index.start(kept.line);
      const lineLength = window.index.length(kept.line);
      partialLines.push({ line: kept.line, from: kept.start - lineStart + 1, to: kept.end - lineStart, length: lineLength });
      shown = (kept.start > lineStart ? '…' : '') + shown + (kept.end < lineStart + lineLength ? '…' : '');
    }
    body.push(`${String(kept.line).padStart(width)} | ${shown}`);
  }
  const code = body.join('\n');
  const header = [
    ...heading,
    t('Language: {0}', source.languageId),
    linesHeader(source, window, t),
    ...partialLines.map((cut) =>
      t(
        'Line {0} is long (minified?): only characters {1}–{2} of {3} are shown, between … marks.',
        cut.line,
        groupDigits(cut.from),
        groupDigits(cut.to),
        groupDigits(cut.length),
      ),
    ),
  ];
  return {
    text: `${header.join('\n')}\n${fenced(code, source.languageId)}`,
    redactions: redactor.placed.size,
    hidden,
    partialLines,
  };
}

/**
 * Plain hyphens, not dashes: with no character beyond ASCII, a piece of ASCII code stays a one-byte
 * string in V8, half the memory and a cheaper trip through VS Code to the model (`npm run bench`, the
 * hop experiment: about 5 ms for 100 KB).
 */
function linesHeader(source: AttachedSource, window: CodeWindow, t: Translate): string {
  const range = t('Lines: {0}-{1} of {2}', window.startLine, window.endLine, groupDigits(window.totalLines));
  const focus = source.focus;
  if (focus?.kind !== 'selection') return range;
  return `${range} ${t('(the user selected lines {0}-{1})', focus.startLine, focus.endLine)}`;
}

/** File names are attacker-controlled too: a header shows them as `inertName` does, on one line. */
export function oneLine(label: string): string {
  return inertName(label);
}

export function describeHiddenCharacter(report: HiddenCharacterReport): string {
  return `${codePointLabel(report.codePoint)} ${report.name}`;
}

/**
 * Replaces secrets in the kept lines of a window, in one pass over both (lines and secrets ascending):
 * `line` is called for each kept line in order. A secret that spans several lines is replaced once,
 * where it starts, and counted once in `placed`.
 */
function windowRedactor(text: string, secrets: readonly SecretRange[]) {
  const placed = new Set<SecretRange>();
  let next = 0;
  const line = (kept: { readonly start: number; readonly end: number }): string => {
    while (next < secrets.length && (secrets[next]?.end ?? 0) <= kept.start) next++;
    let lineText = '';
    let at = kept.start;
    for (let i = next; i < secrets.length; i++) {
      const secret = secrets[i];
      if (!secret || secret.start >= kept.end) break;
      if (secret.start > at) lineText += text.slice(at, secret.start);
      if (!placed.has(secret)) {
        lineText += `[REDACTED:${secret.kind}]`;
        placed.add(secret);
      }
      at = Math.max(at, Math.min(secret.end, kept.end));
    }
    return at < kept.end ? lineText + text.slice(at, kept.end) : lineText;
  };
  return { line, placed };
}
