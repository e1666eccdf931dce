import { type Translate } from '../i18n';
import { fenced } from '../prompt/fence';

/** The info string of the block a question about a finding carries the finding in. */
export const FINDING_INFO = 'architect-finding';

/** What "Ask @architect about this finding" quotes: the model's own words, untrusted. */
export interface QuotedFinding {
  readonly line: number;
  readonly endLine: number;
  readonly title: string;
  readonly detail?: string;
  readonly fix?: string;
}

/**
 * The chat query of "Ask @architect about this finding": the person's question is a fixed sentence with
 * line numbers only; the finding's words (the model's, which an injection may have shaped) follow in a
 * fenced `architect-finding` block, which the participant treats as quoted data, never as the question.
 */
export function askAboutFindingQuery(finding: QuotedFinding, t: Translate): string {
  const where = finding.endLine > finding.line ? `${finding.line}–${finding.endLine}` : String(finding.line);
  const body = [
    `${t('Title')}: ${finding.title}`,
    ...(finding.detail ? [`${t('Detail')}: ${finding.detail}`] : []),
    ...(finding.fix ? [`${t('Suggested fix')}: ${finding.fix}`] : []),
  ].join('\n');
  return `${t('Explain the finding quoted below (lines {0}) and how to fix it.', where)}\n${fenced(body, FINDING_INFO)}`;
}
