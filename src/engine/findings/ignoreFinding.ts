import * as vscode from 'vscode';
import { inertName } from '../../core/protect/inertName';
import { t } from '../../common/l10n';
import { shownPath, tellWritten } from '../tellWritten';
import { type FindingsDiagnostics } from '../../activation/findings/findingsDiagnostics';
import { ignoreFileOf, type IgnoreStore } from './ignoreStore';

/** Adds the finding to its folder's ignore file and takes it out of the Problems panel. */
export async function ignoreFinding(
  findings: FindingsDiagnostics,
  ignores: IgnoreStore,
  uri: unknown,
  diagnostic: unknown,
): Promise<boolean> {
  if (!(uri instanceof vscode.Uri) || !(diagnostic instanceof vscode.Diagnostic)) return false;
  const record = findings.recordFor(uri, diagnostic);
  const snapshot = record?.snapshot;
  if (record === undefined || snapshot?.folder === undefined || snapshot.file === undefined) {
    void vscode.window.showWarningMessage(t('Only a current finding in a workspace folder can be ignored.'));
    return false;
  }
  const { finding } = record;
  const state = await ignores.add(snapshot.folder, {
    file: snapshot.file,
    rule: finding.rule,
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
  const file = ignoreFileOf(snapshot.folder);
  tellWritten(t('Ignored "{0}" for the whole team: added to {1} (commit it to share).', inertName(finding.title), shownPath(file)), file, {
    notify: true,
  });
  return true;
}
