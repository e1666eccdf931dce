import { sanitizeLine } from '../answer/sanitizeMarkdown';
import { english, type Translate } from '../i18n';
import { markdownName } from '../protect/inertName';
import { type Finding, type ParsedFindings, SEVERITIES, type Severity } from './parseFindings';

const ICONS: Record<Severity, string> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🔵', info: '⚪' };

/** Characters of a title or fix shown in the list; the whole text is in the Problems panel. */
const MAX_TEXT_CHARS = 200;

/**
 * The findings as a compact numbered list for the chat, most severe first, and a one-line note for
 * entries that were dropped. One line per finding (number, severity, linked `file:lines`, rule, title,
 * and whether it has a quick fix), so that a narrow chat view does not wrap columns letter by letter and
 * the history a follow-up reads ("explain #2") holds each finding on one line; its fix on the line below.
 * Every field is model output or a file name: sanitized or made inert, one line each.
 */
export function renderFindings(parsed: ParsedFindings, t: Translate = english): string {
  const parts: string[] = [];
  if (parsed.findings.length > 0) {
    parts.push(
      t('**Findings** ({0}, also in the Problems panel)', parsed.findings.length),
      '',
      ...numberFindings(parsed.findings).map((finding, index) => item(finding, index + 1, t)),
    );
  } else if (parsed.blockFound) {
    parts.push(t('**Findings**: none.'));
  }
  if (parsed.dropped.length > 0) {
    if (parts.length > 0) parts.push('');
    const reasons = parsed.dropped.slice(0, 5).map(text).join('; ');
    parts.push(
      parsed.dropped.length === 1
        ? t('_1 finding was dropped: {0}._', reasons)
        : t('_{0} findings were dropped: {1}._', parsed.dropped.length, reasons),
    );
  }
  return parts.join('\n');
}

/**
 * The findings in the order the list shows and numbers them (#1 is the first), most severe first: a
 * follow-up such as "explain #2" reads the same numbers in the history.
 */
export function numberFindings(findings: readonly Finding[]): Finding[] {
  // SEVERITIES lists the most severe first.
  const rank = (finding: Finding) => SEVERITIES.indexOf(finding.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

function item(finding: Finding, number: number, t: Translate): string {
  const fields = [
    `${ICONS[finding.severity]} ${finding.severity}`,
    where(finding),
    ...(finding.rule ? [markdownName(finding.rule, 40)] : []),
    text(finding.title),
    ...(finding.quickFix ? [t('🔧 fix available')] : []),
  ];
  const head = `${number}. ${fields.join(' · ')}`;
  // A backslash at the end of a line is a hard line break: the fix shows below, in the same item. The
  // space before it keeps a backslash that ends the title from escaping it.
  return finding.fix ? `${head} \\\n   ${t('Fix: {0}', text(finding.fix))}` : head;
}

/** The finding's place, `file:lines`, as a link that opens its file at its lines when the file has a URI. */
function where(finding: Finding): string {
  const lines = finding.endLine > finding.line ? `${finding.line}–${finding.endLine}` : String(finding.line);
  const label = `${markdownName(finding.piece.label)}:${lines}`;
  if (finding.piece.uri === undefined) return label;
  const range = finding.endLine > finding.line ? `L${finding.line}-L${finding.endLine}` : `L${finding.line}`;
  return `[${label}](${linkTarget(finding.piece.uri)}#${range})`;
}

/** A URI as a markdown link destination: the characters that would end or break it percent-encoded. */
function linkTarget(uri: string): string {
  const base = uri.replace(/#.*$/s, '');
  return base.replace(/[()<>\s|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// Cut before sanitizing: a cut afterwards could drop the backtick that keeps an image inside a code span.
function text(value: string): string {
  return sanitizeLine(value.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS));
}
