import { mayHaveHiddenCharacters, revealHiddenCharacters } from '../context/hiddenChars';
import { languageForPath } from '../context/languages';
import { english, groupDigits, type Translate } from '../i18n';
import { fenced } from '../prompt/fence';
import { oneLine } from '../prompt/renderPiece';
import { type DiffFile, type DiffHunk, hunkRange } from './diffModel';
import { type FittedFile, numberWidth } from './fitDiff';

const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?:\s|$)/;

/**
 * One changed file as the model sees it: a header (path, status, the hunks' line ranges, what was left
 * out), then its hunks in a fence the diff cannot close. Each line starts with its number in the new
 * version (`-` for a removed line), then `|` for an unchanged line, `+` for an added one, `-` for a
 * removed one.
 */
export function renderDiffFile(fitted: FittedFile, t: Translate = english): string {
  const { file } = fitted;
  const header = [t('Changed file: {0}', oneLine(file.path)), statusLine(file, t), t('Changed lines: +{0} -{1}', file.added, file.removed)];
  if (file.hunks.length > 0)
    header.push(t('Hunks (lines of the new version): {0}', file.hunks.map((hunk) => rangeText(hunkRange(hunk))).join(', ')));
  const leftOut = fitted.leftOut.filter((range) => range.from !== fitted.partial?.from);
  if (leftOut.length > 0) header.push(t('Left out to fit the input limit: the hunks at lines {0}.', leftOut.map(rangeText).join(', ')));
  if (fitted.partial)
    header.push(t('The hunk at lines {0} is shown only in part: its first lines, up to the last number shown.', rangeText(fitted.partial)));
  if (hasConflictMarkers(file)) header.push(t('This file has unresolved merge conflict markers (<<<<<<<, =======, >>>>>>>).'));
  const text = header.join('\n');
  return file.hunks.length === 0 ? text : `${text}\n${fenced(renderHunks(file.hunks), languageForPath(file.path))}`;
}

/** A deleted file is named, never shown: the model reviews what the code is now. */
export function renderDeletedFile(file: DiffFile, t: Translate = english): string {
  return [
    t('Changed file: {0}', oneLine(file.path)),
    t('Status: deleted ({0} lines removed; the old content is not sent)', groupDigits(file.removed)),
  ].join('\n');
}

function statusLine(file: DiffFile, t: Translate): string {
  switch (file.status) {
    case 'added':
      return t('Status: added');
    case 'deleted':
      return t('Status: deleted');
    case 'renamed':
      return t('Status: renamed from {0}', oneLine(file.oldPath ?? ''));
    case 'copied':
      return t('Status: copied from {0}', oneLine(file.oldPath ?? ''));
    default:
      return t('Status: modified');
  }
}

function rangeText(range: { readonly from: number; readonly to: number }): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

function renderHunks(hunks: readonly DiffHunk[]): string {
  const width = numberWidth(hunks);
  const plain = joinLines(hunks, width, (text) => text);
  // Hidden characters (bidirectional controls, zero-width) are made visible, as in attached code. They
  // are rare: the lines are rendered as they are, and only again, each revealed, if some may have one.
  return mayHaveHiddenCharacters(plain) ? joinLines(hunks, width, (text) => revealHiddenCharacters(text).text) : plain;
}

/**
 * The lines numbered and marked, hunks apart by `⋮`: one join per file, no string per line, into an
 * array made at its size, since growing it copied it over and over.
 */
function joinLines(hunks: readonly DiffHunk[], width: number, show: (text: string) => string): string {
  let size = 0;
  for (const hunk of hunks) size += 2 + 4 * hunk.lines.length;
  const parts = new Array<string>(size);
  const removed = `${'-'.padStart(width)} - `;
  let at = 0;
  hunks.forEach((hunk, index) => {
    if (index > 0) {
      parts[at++] = '⋮'.padStart(width);
      parts[at++] = '\n';
    }
    for (const line of hunk.lines) {
      parts[at++] = line.kind === 'del' ? removed : String(line.newLine).padStart(width);
      parts[at++] = line.kind === 'del' ? '' : line.kind === 'add' ? ' + ' : ' | ';
      parts[at++] = show(line.text);
      parts[at++] = '\n';
    }
  });
  // No line break after the last line.
  parts.length = Math.max(0, at - 1);
  return parts.join('');
}

function hasConflictMarkers(file: DiffFile): boolean {
  return file.hunks.some((hunk) => hunk.lines.some((line) => line.kind !== 'del' && CONFLICT_MARKER.test(line.text)));
}
