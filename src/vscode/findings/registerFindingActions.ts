import * as vscode from 'vscode';
import { registerSafeCommand } from '../commands/safeCommand';
import { t } from '../l10n';
import { exportFindings, EXPORT_FINDINGS_COMMAND } from './exportFindings';
import { FindingActions, IGNORE_FINDING_COMMAND } from './findingActions';
import { type FindingsDiagnostics } from './findingsDiagnostics';
import { IgnoreStore, watchIgnoreFiles } from './ignoreStore';

/** Quick fixes on Architect diagnostics, the team's ignore file, and the SARIF export. */
export function registerFindingActions(
  context: vscode.ExtensionContext,
  findings: FindingsDiagnostics,
  log: vscode.LogOutputChannel,
): IgnoreStore {
  const ignores = new IgnoreStore();
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  context.subscriptions.push(
    ignores,
    watchIgnoreFiles(ignores),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new FindingActions(findings), {
      providedCodeActionKinds: FindingActions.kinds,
    }),
  );
  registerSafeCommand(context, log, IGNORE_FINDING_COMMAND, t('Ignore this finding'), (uri, diagnostic) =>
    uri instanceof vscode.Uri && diagnostic instanceof vscode.Diagnostic ? ignoreFinding(findings, ignores, uri, diagnostic) : false,
  );
  registerSafeCommand(context, log, EXPORT_FINDINGS_COMMAND, t('Export Findings as SARIF'), (argument) =>
    exportFindings(findings, version, argument),
  );
  return ignores;
}

/** Adds the finding to its folder's ignore file and takes it out of the Problems panel. */
async function ignoreFinding(
  findings: FindingsDiagnostics,
  ignores: IgnoreStore,
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
): Promise<boolean> {
  const record = findings.recordFor(uri, diagnostic);
  const snapshot = record?.snapshot;
  if (record === undefined || snapshot?.folder === undefined || snapshot.file === undefined) {
    void vscode.window.showWarningMessage(t('Only a current finding in a workspace folder can be ignored.'));
    return false;
  }
  const { finding } = record;
  const state = await ignores.add(snapshot.folder, {
    file: snapshot.file,
    ...(finding.rule ? { rule: finding.rule } : {}),
    title: finding.title,
    fingerprint: snapshot.fingerprint,
  });
  if (state.kind === 'untrusted') {
    void vscode.window.showWarningMessage(
      t('Findings can be ignored only in a trusted workspace: the ignore file is not read in Restricted Mode.'),
    );
    return false;
  }
  if (state.kind === 'malformed') {
    void vscode.window.showErrorMessage(t('The ignore file is malformed; fix it first (see the Problems panel).'));
    return false;
  }
  findings.remove(record);
  return true;
}
