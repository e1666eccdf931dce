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
 * Where VS Code's chat input reads a reference when a query is submitted: `#name` (a tool or a context
 * variable such as `#codebase`, `#terminalLastCommand`, `#file`), `@name` (a participant) and `/name` (a
 * command), each one at the start of the text or right after whitespace, inside a fence or not.
 */
const CHAT_REFERENCE = /(?<=^|\s)[#@/]/g;

/**
 * The model's words as they may stand in a chat query: a backslash before every character that could
 * open a reference, so that none can attach a file, call a tool or pick a participant or command. The
 * markdown escape reads naturally, to the person and to the model.
 */
export function inertInChatInput(text: string): string {
  return text.replace(CHAT_REFERENCE, (leader) => `\\${leader}`);
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
    `${t('Title')}: ${inertInChatInput(finding.title)}`,
    ...(finding.detail ? [`${t('Detail')}: ${inertInChatInput(finding.detail)}`] : []),
    ...(finding.fix ? [`${t('Suggested fix')}: ${inertInChatInput(finding.fix)}`] : []),
  ].join('\n');
  return `${t('Explain the finding quoted below (lines {0}) and how to fix it.', where)}\n${fenced(body, FINDING_INFO)}`;
}
