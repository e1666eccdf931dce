import { sanitizeLine } from '../answer/sanitizeMarkdown';
import { english, type Translate } from '../i18n';
import { type Finding, type ParsedFindings, type Severity } from './parseFindings';

const ICONS: Record<Severity, string> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🔵', info: '⚪' };
const ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * The findings as a short markdown table for the chat, most severe first, and a one-line note for
 * entries that were dropped. Cells are model output: sanitized, pipes escaped, one line each.
 */
export function renderFindings(parsed: ParsedFindings, t: Translate = english): string {
  const parts: string[] = [];
  if (parsed.findings.length > 0) {
    const multiFile = new Set(parsed.findings.map((finding) => finding.piece.key)).size > 1;
    const rows = numberFindings(parsed.findings).map(
      (finding, index) =>
        `| #${index + 1} | ${ICONS[finding.severity]} ${finding.severity} | ${where(finding, multiFile)} | ${cell(finding.rule ?? '')} | ${cell(finding.title)} |`,
    );
    parts.push(
      t('**Findings** ({0}, also in the Problems panel)', parsed.findings.length),
      '',
      `| # | ${t('Severity')} | ${t('Where')} | ${t('Rule')} | ${t('Finding')} |`,
      '|---|---|---|---|---|',
      ...rows,
    );
  } else if (parsed.blockFound) {
    parts.push(t('**Findings**: none.'));
  }
  if (parsed.dropped.length > 0) {
    if (parts.length > 0) parts.push('');
    const reasons = parsed.dropped.slice(0, 5).map(cell).join('; ');
    parts.push(
      parsed.dropped.length === 1
        ? t('_1 finding was dropped: {0}._', reasons)
        : t('_{0} findings were dropped: {1}._', parsed.dropped.length, reasons),
    );
  }
  return parts.join('\n');
}

/**
 * The findings in the order the table shows and numbers them (#1 is the first row), most severe first:
 * a follow-up such as "explain #2" reads the same numbers in the history.
 */
export function numberFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
}

/** The finding's place, as a link that opens its file at its lines when the file has a URI. */
function where(finding: Finding, withFile: boolean): string {
  const lines = finding.endLine > finding.line ? `${finding.line}–${finding.endLine}` : String(finding.line);
  const label = withFile ? `${cell(finding.piece.label)}:${lines}` : lines;
  if (finding.piece.uri === undefined) return label;
  const range = finding.endLine > finding.line ? `L${finding.line}-L${finding.endLine}` : `L${finding.line}`;
  return `[${label.replace(/[[\]]/g, '\\$&')}](${linkTarget(finding.piece.uri)}#${range})`;
}

/** A URI as a markdown link destination: the characters that would end or break it percent-encoded. */
function linkTarget(uri: string): string {
  const base = uri.replace(/#.*$/s, '');
  return base.replace(/[()<>\s|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// Cut before sanitizing: a cut afterwards could drop the backtick that keeps an image inside a code span.
function cell(text: string): string {
  return sanitizeLine(text.replace(/\s+/g, ' ').trim().slice(0, 200)).replace(/\|/g, '\\|');
}
