import { type AttachedSource } from '../context/attachment';
import { looksBinary } from '../context/decode';
import { exclusionOf } from '../context/exclude';
import { exclusionReason } from '../context/exclusionReason';
import { type Translate } from '../i18n';
import { type SkipReason } from './plan';
import { inertName } from '../protect/inertName';

export type TextSource = AttachedSource & { readonly content: { readonly kind: 'text'; readonly text: string } };

export interface Screened {
  readonly usable: readonly TextSource[];
  readonly skipped: ReadonlyArray<{ readonly label: string; readonly reason: SkipReason }>;
  readonly notes: readonly string[];
}

/**
 * The protect phase for attached sources: excluded files, files the gate refused, binary content, unreadable and empty sources
 * are set aside with a note a person can act on; only text worth sending goes on.
 */
export function screenSources(sources: readonly AttachedSource[], exclude: readonly string[], t: Translate): Screened {
  const usable: TextSource[] = [];
  const skipped: Array<{ label: string; reason: SkipReason }> = [];
  const notes: string[] = [];
  for (const source of sources) {
    const verdict = screenOne(source, exclude, t);
    if (verdict === undefined) usable.push(source as TextSource);
    else {
      skipped.push({ label: source.label, reason: verdict.reason });
      notes.push(verdict.note);
    }
  }
  return { usable, skipped, notes };
}

function screenOne(source: AttachedSource, exclude: readonly string[], t: Translate): { reason: SkipReason; note: string } | undefined {
  const content = source.content;
  const label = inertName(source.label);
  const exclusion = source.uri === undefined ? undefined : exclusionOf(source.matchPath, exclude);
  if (exclusion !== undefined) return { reason: 'excluded', note: t('{0} was not sent: {1}.', label, exclusionReason(exclusion, t)) };
  if (content.kind === 'refused') return { reason: 'refused', note: t('{0} was not sent: {1}.', label, content.reason) };
  if (content.kind === 'binary' || (content.kind === 'text' && looksBinary(content.text))) {
    return { reason: 'binary', note: t('{0} was not sent: it is a binary file, not source code.', label) };
  }
  if (content.kind === 'unreadable') return { reason: 'unreadable', note: t('{0} could not be read: {1}', label, content.reason) };
  if (content.text.trim() === '') {
    const note = source.focus?.kind === 'selection' ? t('The selection in {0} is empty.', label) : t('{0} is empty.', label);
    return { reason: 'empty', note };
  }
  return undefined;
}
