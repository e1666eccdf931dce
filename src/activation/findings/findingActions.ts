import * as vscode from 'vscode';
import { askAboutFindingQuery } from '../../core/findings/findingQuery';
import { t } from '../../common/l10n';
import { currentLines } from '../../common/findings/findingLines';
import { type FindingRecord, type FindingsDiagnostics } from './findingsDiagnostics';

export const IGNORE_FINDING_COMMAND = 'architect.ignoreFinding';

/**
 * What an Architect diagnostic offers: its fix when the model gave the exact new text of its lines and
 * those lines still read as at review time (checked again on every request), a question to @architect
 * about it, and ignoring it for the whole team.
 */
export function findingActions(findings: FindingsDiagnostics): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== 'Architect') continue;
        const record = findings.recordFor(document.uri, diagnostic);
        if (record === undefined) continue;
        const fix = applyAction(document, record);
        if (fix) actions.push(fix);
        actions.push(askAction(record), ignoreAction(record));
      }
      return actions;
    },
  };
}

/**
 * Offered only when every line it replaces was shown to the model, and while those lines read exactly as
 * they did when the finding was made. A replacement with hidden characters names them in its title and
 * opens in the refactor preview, to be confirmed: it is never applied at one click (RELIABILITY R45).
 */
function applyAction(document: vscode.TextDocument, record: FindingRecord): vscode.CodeAction | undefined {
  const { finding } = record;
  const offer = finding.quickFix;
  if (offer === undefined) return undefined;
  const snapshot = record.snapshot;
  const now = currentLines(document, finding.line, finding.endLine);
  if (snapshot === undefined || now === undefined || now.length !== snapshot.lines.length) return undefined;
  if (now.some((line, index) => line !== snapshot.lines[index])) return undefined;
  if (now.join('\n') === offer.text.replace(/\r\n/g, '\n')) return undefined;
  const action = new vscode.CodeAction(offer.title, vscode.CodeActionKind.QuickFix);
  const range = new vscode.Range(finding.line - 1, 0, finding.endLine - 1, document.lineAt(finding.endLine - 1).text.length);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  action.edit = new vscode.WorkspaceEdit();
  const text = offer.text.replace(/\r?\n/g, eol);
  if (offer.confirm)
    action.edit.replace(document.uri, range, text, {
      needsConfirmation: true,
      label: offer.title,
      description: offer.description,
    });
  else action.edit.replace(document.uri, range, text);
  action.diagnostics = [record.diagnostic];
  action.isPreferred = !offer.confirm;
  return action;
}

/** Sends the finding to @architect, with its lines attached and its words quoted. */
function askAction(record: FindingRecord): vscode.CodeAction {
  const { finding } = record;
  const action = new vscode.CodeAction(t('Ask @architect about this finding'), vscode.CodeActionKind.QuickFix);
  action.command = {
    command: 'workbench.action.chat.open',
    title: action.title,
    arguments: [
      {
        // The finding's words are the model's: quoted in a block the participant reads as data.
        query: `@architect ${askAboutFindingQuery(finding, t)}`,
        isPartialQuery: false,
        // Plain 1-based positions: a vscode.Range does not survive the trip to the chat.
        attachFiles: [
          { uri: record.uri, range: { startLineNumber: finding.line, startColumn: 1, endLineNumber: finding.endLine, endColumn: 100_000 } },
        ],
      },
    ],
  };
  return action;
}

function ignoreAction(record: FindingRecord): vscode.CodeAction {
  const action = new vscode.CodeAction(t('Ignore this finding'), vscode.CodeActionKind.QuickFix);
  action.command = { command: IGNORE_FINDING_COMMAND, title: action.title, arguments: [record.uri, record.diagnostic] };
  action.diagnostics = [record.diagnostic];
  return action;
}
