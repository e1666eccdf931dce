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
 * fenced `architect-finding` block, which the participant treats as quoted data, never as the question,
 * with every chat reference in them made inert (RELIABILITY R53).
 */
export function askAboutFindingQuery(finding: QuotedFinding, t: Translate): string {
  const where = finding.endLine > finding.line ? `${finding.line}–${finding.endLine}` : String(finding.line);
  const body = [
    `${t('Title')}: ${finding.title}`,
    ...(finding.detail ? [`${t('Detail')}: ${finding.detail}`] : []),
    ...(finding.fix ? [`${t('Suggested fix')}: ${finding.fix}`] : []),
  ]
    .join('\n')
    // VS Code's chat input reads `#name` (a tool or context variable: `#codebase`, `#file`), `@name` (a
    // participant) and `/name` (a command) at the start or after whitespace, fenced or not, when the query
    // is submitted. A backslash before each leader keeps the model's words text: nothing in them can attach
    // a file, call a tool or pick a participant. Written inline: this ships in the activation bundle.
    .replace(/(?<=^|\s)[#@/]/g, '\\$&');
  return `${t('Explain the finding quoted below (lines {0}) and how to fix it.', where)}\n${fenced(body, FINDING_INFO)}`;
}
