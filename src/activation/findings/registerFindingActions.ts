import * as vscode from 'vscode';
import { IGNORE_FILE_PATH } from '../../core/findings/ignoreFilePath';
import { describeFailure } from '../commands/safeCommand';
import { fromEngine } from '../engineLink/loadEngine';
import { findingActions } from './findingActions';
import { type FindingsDiagnostics } from './findingsDiagnostics';

/**
 * Quick fixes on Architect diagnostics, and a watch on the team's ignore files that keeps their
 * diagnostics current as people edit them. The ignore and export commands are ENGINE_COMMANDS.
 */
export function registerFindingActions(
  context: vscode.ExtensionContext,
  findings: FindingsDiagnostics,
  log: vscode.LogOutputChannel,
  recheckIgnoreFile: (file: vscode.Uri) => Promise<void>,
): void {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE_PATH}`);
  const recheck = (file: vscode.Uri) =>
    void fromEngine(() => recheckIgnoreFile(file)).catch((error: unknown) => describeFailure(error, 'ignore file', log));
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, findingActions(findings), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    watcher,
    watcher.onDidChange(recheck),
    watcher.onDidCreate(recheck),
    watcher.onDidDelete(recheck),
  );
}
